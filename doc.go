// Package baocao holds the contract every stage of the pipeline shares, and nothing else:
// the document model that readers produce (Document, Block, Table, Footnote, Page) and the
// extraction record (Record and its items) that extract, audit, index, render and the
// scorer read. Every stage imports this package; it imports none of them.
//
// Start from Document (what a reader returns: one normalized Text and blocks with byte
// spans into it) and Record (the JSON format baocao.record/v1, see
// ../shared/spec/extraction-record.md).
//
// The pipeline is read → normalize → extract → check → store/index → render:
// package reader turns bytes into a Document, package extract fills a Record from it
// using the rule sets of package rules, package audit adds findings, packages corpus and
// index store and search records, package render writes them back out.
package baocao
