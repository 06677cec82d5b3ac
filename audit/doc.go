// Package audit cross-checks the figures of a report and says exactly what does not add
// up, with the evidence quoted: percentages against their fractions (interval arithmetic:
// every written number stands for ± half its last written digit), parts against wholes,
// table totals, sentences against the summary table, the same fact stated twice, dates,
// số and ký hiệu, heading numbers.
//
// Each check is a small registered implementation of Check (Register, Definition) run
// over the record of package extract and the document model. Checks are configured by
// rules of kind "check" (Kind) shipped under checks/ and added to the default rule pack
// when this package is linked in: the rule names the check, maps each situation it
// reports to a severity (error, warning, info, off) and sets its thresholds; its examples
// are report texts with the findings they must produce, its reject inputs clean texts
// that must produce none. A user's rule file retunes or silences a check by rule id.
//
// Start from Default (the checks of the default pack) and Auditor.Audit, which fills
// Record.Findings; NewReport and WriteText, WriteJSON, WriteCSV print the findings the
// way "baocao audit" does. A finding that rests on words an OCR engine read with low
// confidence is at most a warning and says so (OCRNote).
//
// BUG(audit): a one-level number ("3.") cannot be told from a list nested in a section, so
// heading-numbers reports it only right after a multi-level number ("4." after "4.2.").
//
// BUG(audit): a breakdown is consistent when some of its parts add up to the whole (a
// "trong đó" list may go on outside the whole or nest a breakdown of its own): a wrong
// part that happens to leave another subset equal to the whole is missed.
//
// BUG(audit): tables on pages read by OCR are not summed (cells shift between columns and
// decimal commas are lost); a table the PDF reader split at a page break is checked only
// for totals smaller than the rows at hand.
//
// BUG(audit): shares of a whole written elsewhere ("03 ứng viên (chiếm 4,28% tổng số)")
// are not checked: the whole is not in the record.
//
// BUG(audit): the number convention (Vietnamese or English separators) is detected again
// from the text, and the reporting period is read from a báo cáo's trích yếu only:
// extraction records neither.
package audit
