package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SyllableShare returns the share of the letter tokens of text that are well-formed
// Vietnamese syllables: an onset, a rhyme and at most one tone mark, in one case
// pattern (lower, Capitalized or UPPER). Common upper-case abbreviations (UBND, HĐND,
// TĐKT, QĐ…), Roman numerals and units (km, kg) count as well formed; single letters
// count neither way, unless glued to a digit ("3I", "2O": letters read for digits),
// which counts as malformed. A syllable written without any diacritic ("hoa", "nam") counts
// half: such words are common, but a text layer that lost its diacritics ("CONG HOA
// XA HOI") is as unreadable as one with wrong letters. A text without letter tokens
// scores 1: nothing in it is wrong.
// A real page of Vietnamese scores above 0.8; a garbled text layer ("CQNG HOA xA HQI",
// "S:3I/QD-SYT") far lower.
func SyllableShare(text string) float64 {
	good, total := 0.0, 0
	seen := map[string]tokClass{} // words repeat: classify each once
	forEachLetterToken(text, func(start, end int) {
		tok := text[start:end]
		c, ok := seen[tok]
		if glued(text, start, end) {
			c, ok = tokBad, true
		}
		if !ok {
			c = syllableClass(tok)
			if len(seen) < 1<<14 {
				seen[tok] = c
			}
		}
		switch c {
		case tokGood:
			good++
			total++
		case tokPlain:
			good += 0.5
			total++
		case tokBad:
			total++
		}
	})
	if total == 0 {
		return 1
	}
	return good / float64(total)
}

// IsSyllable reports whether tok (one word, any case) is a well-formed Vietnamese
// syllable.
func IsSyllable(tok string) bool {
	lower := strings.ToLower(tok)
	if !caseOK(tok) {
		return false
	}
	return wellFormedSyllable(lower)
}

type tokClass int

const (
	tokSkip tokClass = iota
	tokGood
	tokPlain // a syllable without diacritics
	tokBad
)

func syllableClass(tok string) tokClass {
	if utf8.RuneCountInString(tok) == 1 {
		return tokSkip
	}
	if !caseOK(tok) {
		return tokBad
	}
	up := strings.ToUpper(tok)
	if up == tok && (abbreviations[norm.NFC.String(tok)] || isRoman(tok)) {
		return tokGood
	}
	lower := strings.ToLower(tok)
	if units[lower] {
		return tokGood
	}
	if wellFormedSyllable(lower) {
		for i := 0; i < len(lower); i++ {
			if lower[i] >= 0x80 {
				return tokGood
			}
		}
		return tokPlain
	}
	return tokBad
}

// glued reports a single letter written against a digit ("3I", "2O": an O or I read
// for a digit), except the units m and đ ("12m", "500đ").
func glued(text string, start, end int) bool {
	tok := text[start:end]
	if utf8.RuneCountInString(tok) != 1 || tok == "m" || tok == "đ" {
		return false
	}
	before := start > 0 && text[start-1] >= '0' && text[start-1] <= '9'
	after := end < len(text) && text[end] >= '0' && text[end] <= '9'
	return before || after
}

// forEachLetterToken calls fn with the bounds of every maximal run of letters (and
// combining marks) of s.
func forEachLetterToken(s string, fn func(start, end int)) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// caseOK accepts lower, UPPER and Capitalized tokens.
func caseOK(tok string) bool {
	first := true
	sawLower, upperAfter := false, false
	for _, r := range tok {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if first {
			first = false
			if unicode.IsLower(r) {
				sawLower = true
			}
			continue
		}
		if unicode.IsLower(r) {
			sawLower = true
		} else if unicode.IsUpper(r) {
			upperAfter = true
		}
	}
	return !(sawLower && upperAfter)
}

func isRoman(tok string) bool {
	for _, r := range tok {
		if !strings.ContainsRune("IVXLC", r) {
			return false
		}
	}
	return len(tok) <= 6
}

const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303'
	toneHook  = '\u0309'
	toneDot   = '\u0323'
)

var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

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

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// wellFormedSyllable checks a lower-case token.
func wellFormedSyllable(tok string) bool {
	var base strings.Builder
	tone := rune(0)
	for _, r := range norm.NFD.String(tok) {
		switch r {
		case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
			if tone != 0 {
				return false
			}
			tone = r
			continue
		}
		base.WriteRune(r)
	}
	b := norm.NFC.String(base.String())
	for _, on := range onsets {
		if !strings.HasPrefix(b, on) {
			continue
		}
		rhyme := b[len(on):]
		if on == "gi" && rhyme == "" {
			rhyme, on = "i", "g"
		}
		if on == "gi" && strings.HasPrefix(rhyme, "i") { // "giê" is gi + ê, never gi + iê
			continue
		}
		if !rhymes[rhyme] || !onsetFits(on, rhyme) {
			continue
		}
		if stopRhyme(rhyme) && tone != 0 && tone != toneAcute && tone != toneDot {
			continue
		}
		return true
	}
	return false
}

func onsetFits(on, rhyme string) bool {
	front := strings.HasPrefix(rhyme, "i") || strings.HasPrefix(rhyme, "e") || strings.HasPrefix(rhyme, "ê") || strings.HasPrefix(rhyme, "y")
	switch on {
	case "k", "gh", "ngh":
		return front
	case "c", "ng":
		return !front
	case "qu":
		return !strings.HasPrefix(rhyme, "u") && !strings.HasPrefix(rhyme, "o")
	}
	return true
}

func stopRhyme(r string) bool {
	return strings.HasSuffix(r, "c") || strings.HasSuffix(r, "ch") || strings.HasSuffix(r, "p") || strings.HasSuffix(r, "t")
}

// abbreviations are upper-case tokens of administrative text that are not syllables
// (DOMAIN.md §2): document types, issuers, units, titles.
var abbreviations = toSet(`NQ QĐ CT QC QYĐ TC TB HD CTR KH PA ĐA DA BC BB TTR HĐ CĐ BGN BTT GUQ GM GGT GNP
PG PC PB NĐ TT TTLT VBHN SY TRS SL QĐI KL CV
CP TTG QH UBTVQH CTN VPCP BNV BTC BGDĐT BVHTTDL BYT BCA BQP BTP BKHĐT BTNMT BLĐTBXH
SNV SGDĐT SYT STC SXD STP SKHĐT STNMT SLĐTBXH SVHTTDL SNN SNNPTNT SCT SGTVT STTTT SKHCN
UBND HĐND UBMTTQ MTTQ MTTQVN BCĐ HĐTĐKT HĐTĐ BTĐKT BTĐKTTW TĐKT TW VPTW TU HU ĐU BCH BTV
VP VT NV VX KT ĐC TP TX UB ND CA CSTĐ CSTĐCS CSTĐTQ LĐTT TTLĐTT TTLĐXS CTĐCP ĐVQT
BHYT BHXH BHTN THCS THPT CNTT CCHC NTM KTXH ATGT PCCC TNXP VPTK TCKT VHXH GDĐT KHCN
KHĐT QPAN HTX CBCC CBCCVC CCVC VC CB CC ĐVT STT GD ĐT LĐ TBXH UBKT HĐTV VNPT VNĐ
HCM HN TNHH CP CSGT CAND QĐND QCVN TCVN ISO ICT PAPI PAR SIPAS NSNN TTHC DVC DVCTT`)

var units = toSet(`km kg cm mm dm ml kw kwh mw vnđ vnd đvt ha m tr trđ`)
