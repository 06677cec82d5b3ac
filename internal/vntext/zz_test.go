package vntext
import ("testing";"os";"fmt";"strings")
func TestZZSyl(t *testing.T){
 b,_:=os.ReadFile("/work/shared/corpus/seed/thuy-hung-bc-thi-dua-6-thang-2023.txt")
 fmt.Println(SyllableShare(string(b)))
 bad:=map[string]int{}
 forEachLetterToken(string(b), func(s string){ if syllableClass(s)==tokBad {bad[s]++} })
 fmt.Println(bad)
 fmt.Println(SyllableShare("CQNG HOA xA HQI CHU NGHIA VIET NAM"), SyllableShare("S:3I/QD-SYT"), strings.Repeat("",0))
}
