package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/internal/vntext"
	"github.com/baocao/baocao/rules"
)

func init() {
	rules.RegisterKind(rules.Kind{
		Name: "commendation-table",
		Doc: `The commendation summary table (DOMAIN.md §6.3): rows grouped by level (I Nhà nước,
II tỉnh, III huyện, IV xã; level rows found by the levels lexicon), forms under them, a
TỔNG CỘNG row; the tập thể / cá nhân / gia đình columns found by their header words
(the first column that has them: later ones are "trong đó" subsets).`,
		Compile: compileCommTable,
	})
	rules.RegisterKind(rules.Kind{
		Name: "commendation-text",
		Doc: `Award counts in sentences: "UBND xã tặng 07 tập thể, 08 cá nhân và 08 hộ gia
đình"; the level from the granting body before the verb (bodies lexicon), the form
(forms lexicon) when written, and "… và tập thể UBND xã" counted as one more.`,
		Compile: compileCommText,
	})
}

// CommendationTable is a compiled commendation-table rule.
type CommendationTable struct {
	id      string
	detect  []string
	columns map[string][]string // collective, individual, household → folded header words
	levels  *rules.Lexicon
	total   []string
	row     *regexp.Regexp // a row written as a line (PDF): label then counts
}

type commTableConfig struct {
	Detect  []string            `yaml:"detect"`
	Columns map[string][]string `yaml:"columns"`
	Levels  string              `yaml:"levels"`
	Total   []string            `yaml:"total"`
	Row     string              `yaml:"row"`
}

var countFields = []string{"collective", "individual", "household"}

func compileCommTable(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg commTableConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	t := &CommendationTable{id: r.ID, detect: foldAll(cfg.Detect), total: foldAll(cfg.Total), columns: map[string][]string{}}
	for _, f := range countFields {
		if len(cfg.Columns[f]) == 0 {
			return nil, fmt.Errorf("columns.%s: list the header words of the column", f)
		}
		t.columns[f] = foldAll(cfg.Columns[f])
	}
	for f := range cfg.Columns {
		if f != "collective" && f != "individual" && f != "household" {
			return nil, fmt.Errorf("columns.%s: want collective, individual or household", f)
		}
	}
	var err error
	if t.levels, err = rules.RequireLexicon(c, "levels", cfg.Levels); err != nil {
		return nil, err
	}
	if t.row, err = compileRe("row", cfg.Row); err != nil {
		return nil, err
	}
	for _, g := range []string{"label", "counts"} {
		if t.row.SubexpIndex(g) < 0 {
			return nil, fmt.Errorf("row needs a group (?P<%s>…)", g)
		}
	}
	if len(t.detect) == 0 || len(t.total) == 0 {
		return nil, fmt.Errorf("detect and total must not be empty")
	}
	return t, nil
}

// CommHit is a commendation count found in a document.
type CommHit struct {
	Level  string
	Form   string
	Counts [3]int // collective, individual, household
	Span   baocao.Span
	Source string
	Rule   string
}

// Detects reports whether a table's header is that of a commendation summary.
func (t *CommendationTable) Detects(header string) bool {
	f := vntext.Fold(header)
	for _, w := range t.detect {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// FindTable reads a commendation summary table.
func (t *CommendationTable) FindTable(doc *baocao.Document, tab *baocao.Table) []CommHit {
	if len(tab.Rows) < 2 {
		return nil
	}
	var head strings.Builder
	for _, row := range tab.Rows[:min(3, len(tab.Rows))] {
		for _, c := range row {
			head.WriteString(c.Span.Of(doc.Text))
			head.WriteByte(' ')
		}
	}
	if !t.Detects(head.String()) {
		return nil
	}
	cols := [3]int{-1, -1, -1}
	headerRows := 0
	for r := 0; r < min(4, len(tab.Rows)); r++ {
		hit := false
		for ci, c := range tab.Rows[r] {
			f := vntext.Fold(strings.TrimSpace(c.Span.Of(doc.Text)))
			for k, field := range countFields {
				if cols[k] >= 0 {
					continue
				}
				for _, w := range t.columns[field] {
					if f == w {
						cols[k], hit = ci, true
					}
				}
			}
		}
		if hit || r == 0 {
			headerRows = r + 1
		}
		if cols[0] >= 0 && cols[1] >= 0 && cols[2] >= 0 && !hit {
			break
		}
	}
	if cols[0] < 0 && cols[1] < 0 && cols[2] < 0 {
		return nil
	}
	// header rows continue while their first cells are not labels (SL, % lines)
	for headerRows < len(tab.Rows) && rowIsHeader(doc, tab.Rows[headerRows]) {
		headerRows++
	}
	var out []CommHit
	level := ""
	for _, row := range tab.Rows[headerRows:] {
		tt := strings.TrimSpace(row[0].Span.Of(doc.Text))
		label := ""
		if len(row) > 1 && !row[1].Covered {
			label = strings.TrimSpace(row[1].Span.Of(doc.Text))
		}
		if label == "" || row[1].Covered {
			label = tt
		}
		var counts [3]int
		for k, ci := range cols {
			if ci >= 0 && ci < len(row) && !row[ci].Covered {
				counts[k] = countCell(row[ci].Span.Of(doc.Text))
			}
		}
		span := baocao.Span{Start: row[0].Span.Start, End: row[len(row)-1].Span.End}
		if span.End < span.Start {
			span.End = span.Start
		}
		out = t.row1(out, &level, tt, label, counts, span)
	}
	return out
}

func rowIsHeader(doc *baocao.Document, row []baocao.Cell) bool {
	for _, c := range row[:min(2, len(row))] {
		if c.Covered {
			continue
		}
		if strings.TrimSpace(c.Span.Of(doc.Text)) != "" {
			return false
		}
	}
	return true
}

// row1 interprets one data row: the total, a level row, or a form under the level.
func (t *CommendationTable) row1(out []CommHit, level *string, tt, label string, counts [3]int, span baocao.Span) []CommHit {
	if t.isTotal(label) || t.isTotal(tt) {
		return append(out, CommHit{Level: baocao.LevelTotal, Counts: counts, Span: span, Source: "table", Rule: t.id})
	}
	if hit, ok := t.levels.At(label, 0); ok || isRoman(tt) {
		if ok {
			*level = hit.Entry.Key
		} else if lv := romanLevel(tt); lv != "" {
			*level = lv
		}
		return append(out, CommHit{Level: *level, Counts: counts, Span: span, Source: "table", Rule: t.id})
	}
	if *level == "" || counts == [3]int{} || label == "" {
		return out
	}
	form := strings.TrimSpace(strings.TrimPrefix(label, "Trong đó:"))
	return append(out, CommHit{Level: *level, Form: form, Counts: counts, Span: span, Source: "table", Rule: t.id})
}

func isRoman(s string) bool {
	s = strings.TrimRight(s, ". ")
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("IVX", r) {
			return false
		}
	}
	return true
}

func romanLevel(s string) string {
	switch strings.TrimRight(s, ". ") {
	case "I":
		return baocao.LevelState
	case "II":
		return baocao.LevelProvince
	case "III":
		return baocao.LevelDistrict
	case "IV":
		return baocao.LevelCommune
	}
	return ""
}

// countCell reads a count cell: "2", "02", "" (0), "1.081".
func countCell(s string) int {
	s = strings.TrimSpace(strings.ReplaceAll(s, ".", ""))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// FindLines reads a summary table laid out as lines, as PDF text layers give a
// borderless table: after a title or header that names the table, rows that start with
// their number (I, II, 1, 2) or are the total, end with their counts in column order
// ("IV\tKhen 7\t8\t8"; empty cells are lost), and whose label may wrap onto the next
// lines ("Giấy" / "khen").
func (t *CommendationTable) FindLines(lines []Line) []CommHit {
	for i := 0; i < len(lines); i++ {
		// the table's title is in capitals ("TỔNG HỢP CÁC DANH HIỆU THI ĐUA, …"), a sentence
		// that names awards is not a table
		if lines[i].Table || !vntext.IsUpper(lines[i].Text) || !t.Detects(lines[i].Text) {
			continue
		}
		var out []CommHit
		level := ""
		type row struct {
			tt, label string
			counts    [3]int
			span      baocao.Span
		}
		var cur *row
		flush := func() {
			if cur != nil {
				out = t.row1(out, &level, cur.tt, strings.TrimSpace(cur.label), cur.counts, cur.span)
				cur = nil
			}
		}
		for j := i + 1; j < len(lines) && j < i+400; j++ {
			text := strings.TrimSpace(strings.ReplaceAll(lines[j].Text, "\t", " "))
			if m := t.row.FindStringSubmatch(text); m != nil {
				tt, label := strings.TrimSpace(m[t.row.SubexpIndex("tt")]), strings.TrimSpace(m[t.row.SubexpIndex("label")])
				if tt != "" || t.isTotal(label) {
					flush()
					r := row{tt: tt, label: label, span: baocao.Span{Start: lines[j].Off, End: lines[j].Off + len(lines[j].Text)}}
					for k, c := range strings.Fields(m[t.row.SubexpIndex("counts")]) {
						if k < 3 {
							r.counts[k] = countCell(c)
						}
					}
					cur = &r
					if t.isTotal(label) {
						flush()
						break
					}
					continue
				}
			}
			// a level row with no counts: "III\tKhen thưởn" (the label wraps)
			if f := strings.Fields(text); len(f) > 1 && isRoman(f[0]) && !strings.ContainsAny(text, "0123456789") &&
				strings.HasPrefix(vntext.Fold(f[1]), "khen") {
				flush()
				cur = &row{tt: f[0], label: strings.Join(f[1:], " "), span: baocao.Span{Start: lines[j].Off, End: lines[j].Off + len(lines[j].Text)}}
				continue
			}
			// a wrapped label goes on with words only; anything else ends the row
			if cur != nil && text != "" && !strings.ContainsAny(text, "0123456789-+•") && utf8.RuneCountInString(text) <= 24 {
				cur.label += " " + text
				continue
			}
			flush()
		}
		flush()
		for _, h := range out {
			if h.Counts != [3]int{} {
				return out // a table that counts something
			}
		}
	}
	return nil
}

func (t *CommendationTable) isTotal(label string) bool {
	fl := vntext.Fold(label)
	for _, w := range t.total {
		if fl == w || strings.HasPrefix(fl, w+" ") {
			return true
		}
	}
	return false
}

// Run reads an example table (tab-separated rows).
func (t *CommendationTable) Run(in string) []rules.Item {
	doc := tableDoc(vntext.Normalize(in))
	return commItems(t.FindTable(doc, doc.Blocks[0].Table))
}

func commItems(hits []CommHit) []rules.Item {
	var out []rules.Item
	for _, h := range hits {
		out = append(out, rules.Item{"level": h.Level, "form": nullable(h.Form), "collective": h.Counts[0],
			"individual": h.Counts[1], "household": h.Counts[2], "source": h.Source})
	}
	return out
}

// CommendationText is a compiled commendation-text rule.
type CommendationText struct {
	id     string
	count  *anchored
	nouns  map[string]int // folded noun → count field
	verbs  []string       // lower case
	bodies *rules.Lexicon
	forms  *rules.Lexicon
	extra  *regexp.Regexp
	not    []string // lower case: words that make "tặng" a gift, not an award
}

type commTextConfig struct {
	Count  string            `yaml:"count"`
	Nouns  map[string]string `yaml:"nouns"`
	Verbs  []string          `yaml:"verbs"`
	Bodies string            `yaml:"bodies"`
	Forms  string            `yaml:"forms"`
	Extra  string            `yaml:"extra"`
	Not    []string          `yaml:"not_with"`
}

func compileCommText(c *rules.Compiler, r *rules.Rule, decode func(any) error) (rules.Matcher, error) {
	var cfg commTextConfig
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	t := &CommendationText{id: r.ID, nouns: map[string]int{}}
	for _, v := range cfg.Verbs {
		t.verbs = append(t.verbs, strings.ToLower(vntext.Normalize(v)))
	}
	var err error
	if t.count, err = compileAnchored("count", cfg.Count, []string{"digit_"}, 40); err != nil {
		return nil, err
	}
	if t.count.SubexpIndex("n") < 0 || t.count.SubexpIndex("noun") < 0 {
		return nil, fmt.Errorf("count needs groups (?P<n>…) and (?P<noun>…)")
	}
	for noun, field := range cfg.Nouns {
		k := -1
		for i, f := range countFields {
			if f == field {
				k = i
			}
		}
		if k < 0 {
			return nil, fmt.Errorf("nouns.%s: %q is not collective, individual or household", noun, field)
		}
		t.nouns[vntext.Fold(noun)] = k
	}
	if t.bodies, err = rules.RequireLexicon(c, "bodies", cfg.Bodies); err != nil {
		return nil, err
	}
	if t.forms, err = rules.RequireLexicon(c, "forms", cfg.Forms); err != nil {
		return nil, err
	}
	if cfg.Extra != "" {
		if t.extra, err = regexp.Compile(cfg.Extra); err != nil {
			return nil, fmt.Errorf("extra: %v", err)
		}
	}
	if len(t.verbs) == 0 {
		return nil, fmt.Errorf("verbs must not be empty")
	}
	for _, w := range cfg.Not {
		t.not = append(t.not, strings.ToLower(vntext.Normalize(w)))
	}
	return t, nil
}

// Find returns the award counts written in sentences of a scanned text.
func (t *CommendationText) Find(sc *scan) []CommHit {
	text := sc.text
	var out []CommHit
	ms := t.count.findAll(sc)
	gn, gnoun := t.count.SubexpIndex("n"), t.count.SubexpIndex("noun")
	for i := 0; i < len(ms); {
		// a run of counts joined by ", " and "và" is one award statement
		j := i + 1
		for j < len(ms) && joined(text[ms[j-1][1]:ms[j][0]]) {
			j++
		}
		first, last := ms[i], ms[j-1]
		clauseStart := clauseBegin(text, first[0])
		pre := text[clauseStart:first[0]]
		verb := lastIndexWord(strings.ToLower(pre), t.verbs) // lower-casing keeps byte offsets
		if verb < 0 {
			// passive: "01 cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen"
			post := text[last[1]:clauseEnd(text, last[1])]
			if k := strings.Index(post, " được "); k >= 0 && k < 24 {
				post = post[k:]
				if v := lastIndexWord(strings.ToLower(post), t.verbs); v > 0 {
					pre, verb = post, v
				}
			}
			if verb < 0 {
				i = j
				continue
			}
		}
		if t.gift(text[clauseStart:clauseEnd(text, last[1])]) {
			i = j
			continue
		}
		h := CommHit{Source: "text", Rule: t.id, Span: baocao.Span{Start: clauseStart, End: last[1]}}
		// the body that grants: the last one before the verb
		for _, bh := range t.bodies.Find(pre) {
			if bh.Start <= verb {
				h.Level = bh.Entry.Key
			}
		}
		if h.Level == "" {
			i = j
			continue
		}
		if fh := t.forms.Find(pre); len(fh) > 0 {
			h.Form = fh[len(fh)-1].Entry.Names[0]
		}
		for k := i; k < j; k++ {
			n := atoi(text[ms[k][2*gn]:ms[k][2*gn+1]])
			if f, ok := t.nouns[vntext.Fold(text[ms[k][2*gnoun]:ms[k][2*gnoun+1]])]; ok {
				h.Counts[f] += n
			}
		}
		// "… và tập thể UBND xã": one more, not numbered
		if t.extra != nil {
			end := clauseEnd(text, last[1])
			if em := t.extra.FindStringSubmatchIndex(text[last[1]:end]); em != nil {
				gi := t.extra.SubexpIndex("noun")
				if f, ok := t.nouns[vntext.Fold(text[last[1]+em[2*gi]:last[1]+em[2*gi+1]])]; ok {
					h.Counts[f]++
					h.Span.End = last[1] + em[1]
				}
			}
		}
		out = append(out, h)
		i = j
	}
	return out
}

// gift reports whether a clause is about gifts or money, not awards ("tặng 34 hộ gia
// đình chính sách, mỗi suất quà …").
func (t *CommendationText) gift(clause string) bool {
	c := strings.ToLower(clause)
	for _, w := range t.not {
		if containsWord(c, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s as whole words.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		okA := a == 0 || !isWordByteBefore(s, a)
		okB := b == len(s) || !isWordByte(s, b)
		if okA && okB {
			return true
		}
		i = a + 1
		for i < len(s) && !utf8.RuneStart(s[i]) {
			i++
		}
	}
}

func isWordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func joined(between string) bool {
	b := strings.TrimSpace(between)
	return b == "," || b == "và" || b == ", và"
}

func clauseBegin(text string, i int) int {
	for j := i; j > 0 && i-j < 400; j-- {
		c := text[j-1]
		if c == ';' || c == '\n' || c == '\t' || c == '.' && j < len(text) && text[j] == ' ' {
			return j
		}
		if i-j >= 399 {
			return j
		}
	}
	return max(0, i-400)
}

func clauseEnd(text string, i int) int {
	for j := i; j < len(text) && j-i < 400; j++ {
		c := text[j]
		if c == ';' || c == '\n' || c == '\t' || c == '.' && (j+1 == len(text) || text[j+1] == ' ') {
			return j
		}
	}
	return min(len(text), i+400)
}

func lastIndexWord(f string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(f, w); i > best && (i == 0 || f[i-1] == ' ') {
			best = i
		}
	}
	return best
}

// Run finds the counts of an example sentence.
func (t *CommendationText) Run(in string) []rules.Item {
	return commItems(t.Find(newScan(vntext.Normalize(in))))
}
