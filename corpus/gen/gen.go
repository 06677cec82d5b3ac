package gen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
)

// Options say what to generate. The zero value is usable after SetDefaults.
type Options struct {
	N    int    // number of documents (default 100)
	Seed uint64 // the same seed gives the same corpus, byte for byte
	// From and To bound the issue dates (default 2019-01-01 … 2025-06-30).
	From, To time.Time
}

// SetDefaults fills zero fields.
func (o *Options) SetDefaults() {
	if o.N <= 0 {
		o.N = 100
	}
	if o.From.IsZero() {
		o.From = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if o.To.IsZero() || !o.To.After(o.From) {
		o.To = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	}
}

// Doc is one generated report: the file to write and its ground-truth record.
type Doc struct {
	Name   string         // file name, e.g. "00042-kh-08-ubnd-thuy-hung-2023.txt"
	Data   []byte         // the file's content (UTF-8 text)
	Record *baocao.Record // what a perfect extraction of Data gives; Source.Path is Name
}

// Generator makes a corpus. Documents are numbered 0…N-1 in order of issue date, and
// document i cites only documents before it, so every citation of a generated document
// resolves inside the corpus. Doc is safe for concurrent use.
type Generator struct {
	opts    Options
	issuers []issuer
	idents  []ident
	// earlier documents by place, for citations: indices into idents, ascending
	byCommune  map[string][]int
	byDistrict map[string][]int
}

// issuer is a body that issues documents.
type issuer struct {
	Name      string   // as the record's issuer: "Ủy ban nhân dân xã Thụy Hùng"
	Short     string   // as cited: "UBND xã Thụy Hùng"
	Header    []string // header lines above the number, upper case
	Abbr      string   // second group of the ký hiệu: UBND, HĐTĐKT, SNV, ĐU
	Party     bool     // Party numbering: 12-NQ/ĐU
	Place     string   // place name of the date line
	Level     string   // xa, huyen, tinh (the commendation level it grants at)
	Commune   string
	District  string
	Province  string
	SignOn    string   // "TM. ỦY BAN NHÂN DÂN"
	SignTitle string   // "CHỦ TỊCH"
	Types     []string // the types it issues (nil: every type)
	Weight    int
}

// ident is a generated document's identity, decided before any text is written.
type ident struct {
	Issuer  int
	Type    string
	Date    time.Time
	Number  string // "08"
	Year    int    // legal normative documents only
	Code    string // "KH-UBND", "UBND-VP", "NQ/ĐU"
	Subject string
}

// ID is the canonical citation id: 08/KH-UBND, 06/2024/QĐ-UBND, 12-NQ/ĐU.
func (d ident) ID(iss issuer) string {
	switch {
	case d.Number == "":
		return ""
	case iss.Party:
		return d.Number + "-" + d.Code
	case d.Year != 0:
		return d.Number + "/" + strconv.Itoa(d.Year) + "/" + d.Code
	}
	return d.Number + "/" + d.Code
}

// New plans a corpus of opts.N documents.
func New(opts Options) *Generator {
	opts.SetDefaults()
	g := &Generator{opts: opts, byCommune: map[string][]int{}, byDistrict: map[string][]int{}}
	g.issuers = makeIssuers()
	r := rand.New(rand.NewPCG(opts.Seed, 0x9e3779b97f4a7c15))
	total := 0
	for _, is := range g.issuers {
		total += is.Weight
	}
	span := opts.To.Sub(opts.From)
	g.idents = make([]ident, opts.N)
	for i := range g.idents {
		w := r.IntN(total)
		k := 0
		for ; w >= g.issuers[k].Weight; k++ {
			w -= g.issuers[k].Weight
		}
		day := opts.From.Add(time.Duration(r.Int64N(int64(span/(24*time.Hour))+1)) * 24 * time.Hour)
		typ := pickType(r, g.issuers[k].Types)
		g.idents[i] = ident{Issuer: k, Type: typ, Date: day}
	}
	sort.SliceStable(g.idents, func(a, b int) bool { return g.idents[a].Date.Before(g.idents[b].Date) })
	// number each (issuer, year, series) from a small random start, in date order
	next := map[string]int{}
	for i := range g.idents {
		d := &g.idents[i]
		iss := g.issuers[d.Issuer]
		subj := subjectsByType[d.Type]
		tmpl := subj[r.IntN(len(subj))]
		d.Subject = strings.Replace(tmpl, "%d", strconv.Itoa(d.Date.Year()), 1)
		if d.Type == "" { // thư công: no number
			continue
		}
		key := fmt.Sprintf("%d/%d/%s", d.Issuer, d.Date.Year(), d.Type)
		if _, ok := next[key]; !ok {
			next[key] = 1 + r.IntN(40)
		}
		n := next[key]
		next[key] += 1 + r.IntN(3)
		d.Number = pad2(n)
		switch {
		case iss.Party:
			d.Code = d.Type + "/" + iss.Abbr
		case d.Type == "CV":
			units := []string{"VP", "NV", "VX", "KT", "TP"}
			d.Code = iss.Abbr + "-" + units[r.IntN(len(units))]
		default:
			d.Code = d.Type + "-" + iss.Abbr
			if iss.Level == "tinh" && d.Type == "QĐ" && r.IntN(4) == 0 {
				d.Year = d.Date.Year() // a provincial QĐ that is a legal normative document
			}
		}
		g.byCommune[iss.Commune] = append(g.byCommune[iss.Commune], i)
		g.byDistrict[iss.District] = append(g.byDistrict[iss.District], i)
	}
	return g
}

// Len is the number of documents.
func (g *Generator) Len() int { return len(g.idents) }

// All returns every document, in order.
func (g *Generator) All() []Doc {
	out := make([]Doc, g.Len())
	for i := range out {
		out[i] = g.Doc(i)
	}
	return out
}

// Write writes every document into dir (created if needed) and returns their records,
// with Source.Path set to the written path.
func Write(dir string, opts Options) ([]*baocao.Record, error) {
	g := New(opts)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	recs := make([]*baocao.Record, 0, g.Len())
	for i := 0; i < g.Len(); i++ {
		d := g.Doc(i)
		p := filepath.Join(dir, d.Name)
		if err := os.WriteFile(p, d.Data, 0o644); err != nil {
			return nil, err
		}
		d.Record.Source.Path = p
		recs = append(recs, d.Record)
	}
	return recs, nil
}

func pickType(r *rand.Rand, allowed []string) string {
	if len(allowed) > 0 {
		return allowed[r.IntN(len(allowed))]
	}
	total := 0
	for _, t := range typeWeights {
		total += t.Weight
	}
	w := r.IntN(total)
	for _, t := range typeWeights {
		if w < t.Weight {
			return t.Type
		}
		w -= t.Weight
	}
	return "BC"
}

func makeIssuers() []issuer {
	var out []issuer
	provinces := map[string]bool{}
	for _, d := range districts {
		for _, c := range d.Communes {
			out = append(out,
				issuer{Name: "Ủy ban nhân dân xã " + c, Short: "UBND xã " + c, Header: []string{"ỦY BAN NHÂN DÂN", "XÃ " + upper(c)},
					Abbr: "UBND", Place: c, Level: baocao.LevelCommune, Commune: c, District: d.Name, Province: d.Province,
					SignOn: "TM. ỦY BAN NHÂN DÂN", SignTitle: "CHỦ TỊCH", Weight: 10},
				issuer{Name: "Hội đồng Thi đua - Khen thưởng xã " + c, Short: "Hội đồng Thi đua - Khen thưởng xã " + c,
					Header: []string{"UBND XÃ " + upper(c), "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"}, Abbr: "HĐTĐKT", Place: c,
					Level: baocao.LevelCommune, Commune: c, District: d.Name, Province: d.Province,
					SignOn: "TM. HỘI ĐỒNG", SignTitle: "CHỦ TỊCH HỘI ĐỒNG", Types: []string{"BC", "BC", "KH", "BB", "TTr", "HD", "QC"}, Weight: 3},
				issuer{Name: "Đảng ủy xã " + c, Short: "Đảng ủy xã " + c, Header: []string{"ĐẢNG BỘ HUYỆN " + upper(d.Name), "ĐẢNG ỦY XÃ " + upper(c), "*"},
					Abbr: "ĐU", Party: true, Place: c, Level: baocao.LevelCommune, Commune: c, District: d.Name, Province: d.Province,
					SignOn: "T/M ĐẢNG ỦY", SignTitle: "BÍ THƯ", Types: []string{"NQ", "NQ", "BC", "KH", "CT", "TB", "HD", "CTr"}, Weight: 2},
			)
		}
		out = append(out,
			issuer{Name: "Ủy ban nhân dân huyện " + d.Name, Short: "UBND huyện " + d.Name, Header: []string{"ỦY BAN NHÂN DÂN", "HUYỆN " + upper(d.Name)},
				Abbr: "UBND", Place: d.Name, Level: baocao.LevelDistrict, District: d.Name, Province: d.Province,
				SignOn: "TM. ỦY BAN NHÂN DÂN", SignTitle: "CHỦ TỊCH", Weight: 8},
			issuer{Name: "Phòng Nội vụ huyện " + d.Name, Short: "Phòng Nội vụ huyện " + d.Name, Header: []string{"UBND HUYỆN " + upper(d.Name), "PHÒNG NỘI VỤ"},
				Abbr: "PNV", Place: d.Name, Level: baocao.LevelDistrict, District: d.Name, Province: d.Province,
				SignOn: "", SignTitle: "TRƯỞNG PHÒNG", Types: []string{"BC", "HD", "CV", "TB", "KH"}, Weight: 4},
			issuer{Name: "Huyện ủy " + d.Name, Short: "Ban Thường vụ Huyện ủy " + d.Name, Header: []string{"TỈNH ỦY " + upper(d.Province), "HUYỆN ỦY " + upper(d.Name), "*"},
				Abbr: "HU", Party: true, Place: d.Name, Level: baocao.LevelDistrict, District: d.Name, Province: d.Province,
				SignOn: "T/M BAN THƯỜNG VỤ", SignTitle: "BÍ THƯ", Types: []string{"NQ", "CT", "KH", "BC", "TB"}, Weight: 2},
		)
		if !provinces[d.Province] {
			provinces[d.Province] = true
			out = append(out,
				issuer{Name: "Ủy ban nhân dân tỉnh " + d.Province, Short: "UBND tỉnh " + d.Province, Header: []string{"ỦY BAN NHÂN DÂN", "TỈNH " + upper(d.Province)},
					Abbr: "UBND", Place: d.Province, Level: baocao.LevelProvince, Province: d.Province,
					SignOn: "TM. ỦY BAN NHÂN DÂN", SignTitle: "CHỦ TỊCH", Types: []string{"QĐ", "QĐ", "KH", "CT", "BC", "CV", "HD"}, Weight: 6},
				issuer{Name: "Sở Nội vụ tỉnh " + d.Province, Short: "Sở Nội vụ tỉnh " + d.Province, Header: []string{"UBND TỈNH " + upper(d.Province), "SỞ NỘI VỤ"},
					Abbr: "SNV", Place: d.Province, Level: baocao.LevelProvince, Province: d.Province,
					SignOn: "KT. GIÁM ĐỐC", SignTitle: "PHÓ GIÁM ĐỐC", Types: []string{"BC", "HD", "CV", "TTr", "KH", "TB"}, Weight: 4},
			)
		}
	}
	return out
}

func upper(s string) string { return strings.ToUpper(s) }

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Doc renders document i (0 ≤ i < Len). The same generator and i give the same bytes.
func (g *Generator) Doc(i int) Doc {
	d := g.idents[i]
	iss := g.issuers[d.Issuer]
	r := rand.New(rand.NewPCG(g.opts.Seed^uint64(i)*0x2545f4914f6cdd1d, uint64(i)+1))
	// the record says [] rather than null for "none found"
	w := &writer{rec: &baocao.Record{Schema: baocao.Schema, References: []baocao.Reference{}, Dates: []baocao.Date{},
		Indicators: []baocao.Indicator{}, Commendations: []baocao.Commendation{}, Findings: []baocao.Finding{}}}
	rec := w.rec
	ps := newPerson(r)

	// header block (DOMAIN.md §1.2): issuer, Quốc hiệu or Party header, number, date line
	for _, h := range iss.Header {
		w.line(h)
	}
	if iss.Party {
		w.line("ĐẢNG CỘNG SẢN VIỆT NAM")
	} else {
		w.line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
		w.line("Độc lập - Tự do - Hạnh phúc")
	}
	id := d.ID(iss)
	if d.Number != "" {
		if iss.Party {
			w.line("Số " + id)
		} else {
			w.line("Số: " + id)
		}
	}
	if d.Type == "CV" {
		w.line("V/v " + d.Subject)
	}
	dateText := "ngày " + pad2(d.Date.Day()) + " tháng " + monthText(d.Date.Month()) + " năm " + strconv.Itoa(d.Date.Year())
	dl := sentence{}
	dl.add(iss.Place + ", ")
	dl.date(dateText, d.Date, baocao.RoleIssued)
	w.para(dl)
	typeName := typeNames[d.Type]
	if d.Type != "CV" {
		w.line(upper(typeName))
		w.line(d.Subject)
	}
	rec.Document = baocao.Identity{
		Type:     baocao.NullString(d.Type),
		TypeName: baocao.NullString(typeName),
		Number:   baocao.NullString(d.Number),
		Year:     baocao.NullInt(d.Year),
		Code:     baocao.NullString(d.Code),
		Issuer:   baocao.NullString(iss.Name),
		Place:    baocao.NullString(iss.Place),
		Date: &baocao.DateParts{Text: dateText, Value: baocao.NullString(d.Date.Format("2006-01-02")),
			Year: baocao.NullInt(d.Date.Year()), Month: baocao.NullInt(d.Date.Month()), Day: baocao.NullInt(d.Date.Day())},
		Subject: baocao.NullString(d.Subject),
		Signer:  &baocao.Signer{Name: baocao.NullString(ps), Title: baocao.NullString(iss.SignTitle)},
	}
	if d.Type == "CV" {
		rec.Document.Type = "CV"
		rec.Document.TypeName = "Công văn"
	}
	if a, on, ok := strings.Cut(iss.SignOn, " "); ok {
		rec.Document.Signer.Authority = baocao.NullString(a)
		rec.Document.Signer.On = baocao.NullString(on)
	}
	if d.Type == "CV" {
		w.line("Kính gửi: " + g.upperBody(iss))
	}

	// legal bases and the documents this one implements
	cites := g.pickCitations(r, i)
	for k, c := range cites {
		s := sentence{}
		if k == 0 {
			s.add("Căn cứ ")
		} else {
			s.add(pickStr(r, "Căn cứ ", "Thực hiện ", "Thực hiện "))
		}
		s.cite(c, r)
		if k == len(cites)-1 {
			s.add(".")
		} else {
			s.add(";")
		}
		w.para(s)
	}

	// the area the body governs, as the body text names it: "xã Thụy Hùng"
	c := "xã " + iss.Commune
	switch iss.Level {
	case baocao.LevelDistrict:
		c = "huyện " + iss.District
	case baocao.LevelProvince:
		c = "tỉnh " + iss.Province
	}
	switch d.Type {
	case "BC", "NQ", "CTr", "ĐA", "DA":
		g.report(w, r, d, iss, c, i)
	case "KH", "HD", "PA", "CT", "QC", "QyĐ":
		g.plan(w, r, d, iss, c, i)
	case "QĐ":
		g.decision(w, r, d, iss, c)
	default:
		for k := 0; k < 1+r.IntN(3); k++ {
			w.line(fmt.Sprintf(pickStr(r, fillers...), c))
		}
		if r.IntN(3) == 0 {
			g.implemented(w, r, i, c)
		}
	}

	// Nơi nhận and signature (DOMAIN.md §6.4)
	w.line("Nơi nhận:")
	recips := g.recipients(r, iss)
	for k, rc := range recips {
		end := ";"
		if k == len(recips)-1 {
			end = "."
		}
		w.line("- " + rc + end)
	}
	rec.Document.Recipients = recips
	if iss.SignOn != "" {
		w.line(iss.SignOn)
	}
	w.line(iss.SignTitle)
	w.line(ps)

	rec.Text = strings.Join(w.lines, "\n")
	data := []byte(strings.Join(w.lines, "\n\n") + "\n")
	sum := sha256.Sum256(data)
	name := fmt.Sprintf("%05d-%s-%s-%s-%d.txt", i, slug(typeOrTC(d.Type)), slug(d.Number), slug(iss.Short), d.Date.Year())
	name = strings.ReplaceAll(name, "--", "-")
	rec.Source = baocao.Source{Path: name, SHA256: hex.EncodeToString(sum[:]), Format: "txt", Size: int64(len(data))}
	return Doc{Name: name, Data: data, Record: rec}
}

func typeOrTC(t string) string {
	if t == "" {
		return "thu"
	}
	return t
}

// upperBody names the body a công văn is sent to: the level above, or the communes.
func (g *Generator) upperBody(iss issuer) string {
	switch iss.Level {
	case baocao.LevelCommune:
		return "Phòng Nội vụ huyện " + iss.District
	case baocao.LevelDistrict:
		return "UBND các xã, thị trấn trên địa bàn huyện"
	}
	return "UBND các huyện, thành phố"
}

func (g *Generator) recipients(r *rand.Rand, iss issuer) []string {
	var out []string
	switch iss.Level {
	case baocao.LevelCommune:
		out = []string{"UBND huyện " + iss.District + " (b/c)", "Phòng Nội vụ huyện", "TT Đảng ủy, HĐND xã", "CT, PCT UBND xã"}
	case baocao.LevelDistrict:
		out = []string{"UBND tỉnh " + iss.Province + " (b/c)", "Sở Nội vụ tỉnh", "UBND các xã, thị trấn"}
	default:
		out = []string{"Bộ Nội vụ (b/c)", "Chủ tịch, các PCT UBND tỉnh", "UBND các huyện, thành phố"}
	}
	if r.IntN(2) == 0 {
		out = append(out, "Các thành viên HĐTĐKT")
	}
	return append(out, "Lưu: VT")
}

// citation is a document cited in the text, from the corpus or from outside it.
type citation struct {
	Type, Number, Code, Issuer, Subject string
	Year                                int
	Date                                time.Time
	Party                               bool
}

func (c citation) id() string {
	switch {
	case c.Party:
		return c.Number + "-" + c.Code
	case c.Year != 0:
		return c.Number + "/" + strconv.Itoa(c.Year) + "/" + c.Code
	}
	return c.Number + "/" + c.Code
}

// pickCitations chooses what document i cites: earlier documents of its own commune or
// district (most of them), and now and then a decree, law or Party resolution.
func (g *Generator) pickCitations(r *rand.Rand, i int) []citation {
	d := g.idents[i]
	iss := g.issuers[d.Issuer]
	n := r.IntN(4)
	if d.Type == "BC" || d.Type == "KH" || d.Type == "QĐ" {
		n++
	}
	var out []citation
	seen := map[int]bool{}
	for k := 0; k < n; k++ {
		pool := g.byCommune[iss.Commune]
		if iss.Commune == "" || r.IntN(3) == 0 {
			pool = g.byDistrict[iss.District]
		}
		j := earlier(pool, i)
		if j <= 0 {
			continue
		}
		c := pool[r.IntN(j)]
		// prefer recent ones: take the later of two draws
		if c2 := pool[r.IntN(j)]; c2 > c {
			c = c2
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		cd := g.idents[c]
		ci := g.issuers[cd.Issuer]
		out = append(out, citation{Type: cd.Type, Number: cd.Number, Code: cd.Code, Year: cd.Year, Issuer: ci.Short,
			Subject: lowerFirst(cd.Subject), Date: cd.Date, Party: ci.Party})
	}
	if r.IntN(3) == 0 {
		e := externalRefs[r.IntN(len(externalRefs))]
		t, _ := time.Parse("2006-01-02", e.Date)
		out = append(out, citation{Type: e.Type, Number: e.Number, Code: e.Code, Year: e.Year, Issuer: e.Issuer,
			Subject: e.Subject, Date: t, Party: strings.Contains(e.Code, "/") && e.Year == 0})
	}
	return out
}

// earlier returns how many entries of the ascending pool are below i.
func earlier(pool []int, i int) int { return sort.SearchInts(pool, i) }

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	rs := []rune(s)
	if len(rs) > 1 && strings.ToUpper(string(rs[1])) == string(rs[1]) { // an acronym: keep
		return s
	}
	return strings.ToLower(string(rs[0])) + string(rs[1:])
}

// report writes the body of a báo cáo (or a resolution, programme, project): sections,
// indicators with their targets, a commendation sentence and the documents issued.
func (g *Generator) report(w *writer, r *rand.Rand, d ident, iss issuer, c string, i int) {
	if d.Type == "BC" {
		w.line(fmt.Sprintf("%s báo cáo %s như sau:", iss.Short, lowerFirst(d.Subject)))
	} else {
		w.line(fmt.Sprintf("%s ban hành %s với các nội dung sau:", iss.Short, strings.ToLower(typeNames[d.Type])))
	}
	w.line("Phần I")
	w.line("KẾT QUẢ THỰC HIỆN")
	w.line("I. Đặc điểm tình hình")
	for k := 0; k < 1+r.IntN(3); k++ {
		w.line(fmt.Sprintf(pickStr(r, fillers...), c))
	}
	w.line("II. Kết quả đạt được")
	w.line("1. Về phát triển kinh tế")
	for k := 0; k < 2+r.IntN(5); k++ {
		g.indicator(w, r, d)
	}
	w.line("2. Về văn hóa - xã hội")
	for k := 0; k < 1+r.IntN(3); k++ {
		w.line(fmt.Sprintf(pickStr(r, fillers...), c))
	}
	w.line("3. Công tác thi đua, khen thưởng")
	w.line(fmt.Sprintf(pickStr(r, fillers...), c))
	g.implemented(w, r, i, c)
	g.commendation(w, r, iss, c)
	w.line("III. Tồn tại, hạn chế")
	w.line(fmt.Sprintf(fillers[7], c))
	w.line("Phần II")
	w.line("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
	for k := 0; k < 1+r.IntN(3); k++ {
		w.line(fmt.Sprintf("%d. %s", k+1, fmt.Sprintf(pickStr(r, fillers...), c)))
	}
	if d.Type == "BC" {
		w.line(fmt.Sprintf("Trên đây là báo cáo %s của %s./.", lowerFirst(d.Subject), iss.Short))
	} else {
		w.line(fmt.Sprintf("Trên đây là %s của %s./.", strings.ToLower(typeNames[d.Type]), iss.Short))
	}
}

// plan writes the body of a kế hoạch or hướng dẫn: aims, contents with targets, duties.
func (g *Generator) plan(w *writer, r *rand.Rand, d ident, iss issuer, c string, i int) {
	w.line("I. MỤC ĐÍCH, YÊU CẦU")
	w.line(fmt.Sprintf(pickStr(r, fillers...), c))
	w.line("II. NỘI DUNG")
	for k := 0; k < 1+r.IntN(3); k++ {
		g.indicator(w, r, d)
	}
	if r.IntN(2) == 0 {
		g.implemented(w, r, i, c)
	}
	w.line("III. TỔ CHỨC THỰC HIỆN")
	w.line(fmt.Sprintf("Giao Văn phòng - Thống kê %s theo dõi, tổng hợp kết quả thực hiện %s, báo cáo theo quy định.", iss.Short, strings.ToLower(typeNames[d.Type])))
}

// decision writes a quyết định: articles, with the award counts when it awards.
func (g *Generator) decision(w *writer, r *rand.Rand, d ident, iss issuer, c string) {
	w.line(upper(iss.SignTitle) + " " + upper(iss.Short))
	w.line("QUYẾT ĐỊNH:")
	if strings.HasPrefix(d.Subject, "Khen thưởng") || strings.HasPrefix(d.Subject, "Công nhận") {
		s := sentence{}
		s.add("Điều 1. ")
		g.award(&s, r, iss, c, "Tặng")
		w.para(s)
	} else {
		w.line("Điều 1. " + d.Subject + " gồm các ông, bà có tên trong danh sách kèm theo.")
	}
	w.line("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
	w.line("Điều 3. Văn phòng, các ban ngành, đoàn thể và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.")
}

// implemented writes a sentence listing documents the issuer put out earlier: the shape
// "UBND xã đã ban hành Kế hoạch số 95/KH-UBND ngày 15/2/2023 …; Kế hoạch số …".
func (g *Generator) implemented(w *writer, r *rand.Rand, i int, c string) {
	own := g.idents[i].Issuer
	pool := g.byCommune[g.issuers[own].Commune]
	if g.issuers[own].Commune == "" {
		pool = g.byDistrict[g.issuers[own].District]
	}
	j := earlier(pool, i)
	var picks []int
	for k := 0; k < 3 && j > 0; k++ {
		p := pool[max(0, j-1-r.IntN(min(j, 12)))]
		if g.idents[p].Issuer == own && !containsInt(picks, p) && g.idents[p].Number != "" {
			picks = append(picks, p)
		}
	}
	if len(picks) == 0 {
		return
	}
	s := sentence{}
	s.add(g.issuers[own].Short + " đã ban hành các văn bản: ")
	for k, p := range picks {
		cd := g.idents[p]
		ci := g.issuers[cd.Issuer]
		if k > 0 {
			s.add("; ")
		}
		s.citeOwn(citation{Type: cd.Type, Number: cd.Number, Code: cd.Code, Year: cd.Year, Subject: lowerFirst(cd.Subject), Date: cd.Date, Party: ci.Party}, r)
	}
	s.add(".")
	w.para(s)
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// indicator writes "Tổng diện tích … được 332,6 ha/467,53 ha đạt 71,14 % so với kế
// hoạch", now and then with a wrong percentage, which the truth lists as a finding.
func (g *Generator) indicator(w *writer, r *rand.Rand, d ident) {
	is := indicatorSubjects[r.IntN(len(indicatorSubjects))]
	target := roundTo(is.Min+r.Float64()*(is.Max-is.Min), is.Decimals)
	share := 0.2 + r.Float64()*1.0
	value := roundTo(target*share, is.Decimals)
	if value <= 0 {
		value = 1
	}
	pct := roundTo(value/target*100, 2)
	stated := pct
	wrong := r.IntN(12) == 0
	if wrong {
		stated = roundTo(pct+float64(1+r.IntN(9))+0.37, 2)
	}
	basis := bases[r.IntN(len(bases))]
	vt, tt, pt := viNum(value, is.Decimals), viNum(target, is.Decimals), viNum(stated, 2)
	phrase := fmt.Sprintf("%s %s/%s %s đạt %s %% %s", vt, is.Unit, tt, is.Unit, pt, basis)
	s := sentence{}
	s.add(fmt.Sprintf("%s %s được ", is.Subject, pickStr(r, "trong kỳ", "đến nay", "ước thực hiện")))
	start := s.len()
	s.add(phrase)
	end := s.len()
	s.add(".")
	s.items = append(s.items, item{start: start, end: end, kind: kindIndicator, ind: &baocao.Indicator{
		Subject: baocao.NullString(is.Subject), Value: value, Target: baocao.Float(target), Unit: baocao.NullString(is.Unit),
		Percent: baocao.Float(stated), Basis: baocao.NullString(basis), Text: phrase,
		ValueText: vt, TargetText: tt, PercentText: pt, Origin: baocao.Origin{Rule: "gen"},
	}})
	if wrong {
		s.items = append(s.items, item{start: start, end: end, kind: kindFinding, fnd: &baocao.Finding{
			Check: "percent", Severity: baocao.SevError,
			Message: fmt.Sprintf("stated %s %% but %s/%s is %s %%", pt, vt, tt, viNum(pct, 2)),
			Text:    phrase, Stated: stated, Expected: pct, Origin: baocao.Origin{Rule: "gen"},
		}})
	}
	w.para(s)
}

// commendation writes "UBND xã tặng Giấy khen cho 07 tập thể, 08 cá nhân và 08 hộ gia đình".
func (g *Generator) commendation(w *writer, r *rand.Rand, iss issuer, c string) {
	s := sentence{}
	g.award(&s, r, iss, c, iss.Short+" tặng")
	w.para(s)
}

// award adds an award sentence to s, with its commendation item.
func (g *Generator) award(s *sentence, r *rand.Rand, iss issuer, c, verb string) {
	form := "Giấy khen"
	switch iss.Level {
	case baocao.LevelProvince:
		form = "Bằng khen của Chủ tịch UBND tỉnh"
	case baocao.LevelDistrict:
		form = pickStr(r, "Giấy khen", "Danh hiệu \"Tập thể lao động tiên tiến\"")
	}
	col, ind, hh := 1+r.IntN(12), 1+r.IntN(20), 0
	if iss.Level == baocao.LevelCommune {
		hh = r.IntN(10)
	}
	start := s.len()
	s.add(fmt.Sprintf("%s %s cho %s tập thể, %s cá nhân", verb, form, pad2(col), pad2(ind)))
	if hh > 0 {
		s.add(fmt.Sprintf(" và %s hộ gia đình", pad2(hh)))
	}
	end := s.len()
	s.add(fmt.Sprintf(" có thành tích xuất sắc trong phong trào thi đua trên địa bàn %s.", c))
	s.items = append(s.items, item{start: start, end: end, kind: kindCommendation, com: &baocao.Commendation{
		Level: iss.Level, Form: baocao.NullString(form), Collective: col, Individual: ind, Household: hh, Source: "text",
		Origin: baocao.Origin{Rule: "gen"},
	}})
}

func roundTo(x float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(x*p) / p
}

// viNum writes x the Vietnamese way: "." groups thousands, "," before decimals.
func viNum(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	for k, ch := range intPart {
		if k > 0 && (len(intPart)-k)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		b.WriteString(",")
		b.WriteString(frac)
	}
	return b.String()
}

func monthText(m time.Month) string {
	if m <= 2 {
		return pad2(int(m))
	}
	return strconv.Itoa(int(m))
}

func pickStr(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }

func newPerson(r *rand.Rand) string {
	return pickStr(r, familyNames...) + " " + pickStr(r, middleNames...) + " " + pickStr(r, givenNames...)
}

// slug is an ASCII file-name form of s.
func slug(s string) string {
	f := vntext.Fold(s)
	var b strings.Builder
	dash := false
	for _, c := range f {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}
