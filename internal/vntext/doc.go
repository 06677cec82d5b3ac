// Package vntext holds the Vietnamese text primitives every stage needs: Normalize (NFC,
// unified dashes and spaces, invisible characters removed), Fold (diacritics removed,
// đ→d, lower case, for matching "ke hoach" against "kế hoạch") and Words (word tokens,
// for comparing texts).
package vntext
