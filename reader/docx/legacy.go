package docx

import (
	"github.com/baocao/baocao/internal/legacy"
	"github.com/baocao/baocao/reader"
)

// legacyFonts converts runs set in pre-Unicode Vietnamese fonts (TCVN3 ".VnTime",
// ".VnTimeH"; VNI "VNI-Times"). Word keeps such runs as the font's bytes, each written
// as the Windows-1252 character of that byte ("Céng hßa"), so the font name is the only
// thing that tells them from Unicode text.
type legacyFonts struct {
	byFont map[string]fontEncoding
	first  legacy.Encoding // recorded as Document.Encoding
	others map[legacy.Encoding]bool
}

type fontEncoding struct {
	enc   legacy.Encoding
	upper bool // an ABC capital ("H") font
}

func newLegacyFonts() *legacyFonts {
	return &legacyFonts{byFont: map[string]fontEncoding{}, others: map[legacy.Encoding]bool{}}
}

// convert returns s, text of a run with properties run, in Unicode.
func (l *legacyFonts) convert(run rProps, s string, b *reader.Builder) string {
	// hAnsi is the font Word uses for the characters above ASCII, where the legacy
	// codes live; ascii covers runs that set only it.
	font := run.fontHAnsi
	if font == "" {
		font = run.fontASCII
	}
	fe, ok := l.byFont[font]
	if !ok {
		fe.enc, fe.upper = legacy.FromFont(font)
		l.byFont[font] = fe
	}
	if fe.enc == legacy.Unicode {
		return s
	}
	switch {
	case l.first == legacy.Unicode:
		l.first = fe.enc
		b.SetEncoding(string(fe.enc))
	case fe.enc != l.first && !l.others[fe.enc]:
		l.others[fe.enc] = true
		b.Warn("runs in " + string(fe.enc) + " fonts too (font " + font + "); the document's encoding says " + string(l.first))
	}
	return legacy.Decode(fe.enc, s, fe.upper)
}
