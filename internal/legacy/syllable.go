package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Detection judges a decoding by the words it produces: a frequent Vietnamese syllable
// is strong evidence, a well-formed but rare one weak evidence, anything else none.

// onsets are the written initial consonants, longest first.
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

// rhymes are the written rhymes (vần) without tone.
var rhymes = toSet(`a ai ao au ay ac ach am an ang anh ap at
ă ăc ăm ăn ăng ăp ăt â âc âm ân âng âp ât âu ây
e eo ec em en eng ep et ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêt yêu
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oet oeo
uê uêch uênh uân uâng uât uây uy uya uych uyên uyêt uynh uyt uyu uơ`)

// common are frequent syllables of Vietnamese administrative and everyday text that
// contain a letter outside ASCII (the ones a decoding can change).
var common = toSet(`của và có các được đã để về với là không này những một người năm tháng
ngày theo trên cho đến từ đó như nhiều hơn cũng thì mà nên vì sao nào gì khi lúc đây kia
đi ra vào lên xuống nói biết muốn phải cần rất mỗi cả chỉ vẫn đều sẽ đang rồi nữa lại thế
tôi bạn anh chị em ông bà cô chú nhà nước việt cộng hòa xã hội chủ nghĩa độc lập tự hạnh phúc
số ký hiệu báo cáo quyết định nghị kế hoạch tờ trình công văn thông tư luật điều khoản mục
phần chương thứ nhất hai ba bốn năm sáu bảy tám chín mười trăm nghìn triệu tỷ đồng
ủy ban nhân dân hội đồng đảng bộ sở phòng cục vụ viện trường tỉnh huyện thành phố thị trấn thôn
bản ấp xóm tổ chức cơ quan đơn vị cán công chức viên lãnh đạo chỉ đạo thực hiện triển khai
thi đua khen thưởng tập thể cá nhân gia đình hộ danh hiệu bằng giấy khen huân chương lao động
tiên tiến chiến sĩ xuất sắc kết quả đạt tỷ lệ chỉ tiêu kinh tế văn hóa giáo dục y tế quốc phòng
an ninh trật tự giao thông thủy lợi nông nghiệp lâm sản xuất chăn nuôi trồng trọt diện tích
đất đai tài nguyên môi trường xây dựng mới nông thôn chính sách người có công bảo trợ xã
ngân sách thu chi tiền đầu tư dự án giải phóng mặt bằng tuyên truyền vận động phong trào
đăng ký cấp giải quyết đơn thư khiếu nại tố cáo tiếp hành chính cải cách thủ tục hồ sơ
trực tuyến dịch điện tử thông tin kiểm tra giám sát đánh giá chung những tồn tại hạn chế
nguyên nhân phương hướng nhiệm vụ giải pháp đề xuất kiến nghị trọng tâm cuối đầu sáu tháng
tổng hợp tình hình đặc điểm trong đó gồm bao cụ thể sau trước hiện nay tiếp tục tăng cường
đẩy mạnh nâng cao hiệu quả chất lượng phát triển đảm bảo duy trì quản lý sử dụng quỹ
nội dung yêu cầu trách nhiệm phối hợp đoàn thể mặt trận tổ quốc thanh niên phụ nữ cựu
hướng dẫn chương trình đề án phương án quy chế quy định thông báo biên bản hợp đồng
giai đoạn thời gian kỳ họp nhiệm kỳ khóa lần lượt đợt toàn quốc gia trung ương địa phương
được giao so với cùng kỳ đạt vượt bình quân ước tổng cộng trong đó tăng giảm
sức khỏe bệnh dịch phòng chống học sinh giáo viên mầm non tiểu học trung học cơ sở phổ thông
đạt chuẩn tiêu chí kiểu mẫu văn minh gương điển hình tốt việc làm đời sống vật chất tinh thần
độ tuổi trẻ em người cao tuổi khuyết tật nghèo cận thoát bảo hiểm thẻ trợ cấp hưởng
đường điện nước sạch nhà ở chợ trạm cầu kênh mương rừng cây lúa ngô mía rau con trâu bò lợn
ơn nhớ bác hồ mừng xuân tết lễ hội kỷ niệm truyền thống lịch sử đỏ vàng cờ
rằng vừa còn đâu ai ở bên ngoài giữa dưới trên sau hết cùng nhau thêm bớt đủ đúng sai
ý kiến vấn đề điểm mạnh yếu khó khăn thuận lợi vướng mắc kịp thời thường xuyên liên tục
chặt chẽ nghiêm túc tích cực chủ động hoàn thành tốt xuất phát ổn định vững mạnh`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[norm.NFC.String(w)] = true
	}
	return m
}

// wordScore rates one word (letters only, any case): 1 for a frequent syllable, 0.5
// for a well-formed syllable, 0 otherwise.
func wordScore(w string) float64 {
	l := strings.ToLower(w)
	if common[l] {
		return 1
	}
	if wellFormed(l) {
		return 0.5
	}
	return 0
}

// wellFormed reports whether l (lower case, NFC) is a Vietnamese syllable: an onset, a
// rhyme from the list and at most one tone mark.
func wellFormed(l string) bool {
	if l == "" || utf8.RuneCountInString(l) > 7 {
		return false
	}
	var bare strings.Builder
	tones := 0
	for _, r := range l {
		b, t := split(r)
		if t != toneNone {
			tones++
		}
		if !unicode.IsLetter(b) {
			return false
		}
		bare.WriteRune(b)
	}
	if tones > 1 {
		return false
	}
	s := bare.String()
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		if rhymes[s[len(on):]] { // "gì" is g + i, "gia" gi + a: every split is tried
			return true
		}
	}
	return false
}
