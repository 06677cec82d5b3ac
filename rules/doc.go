// Package rules holds baocao's declarative rule sets: YAML files of rules, each with an
// id, a kind, its configuration and its own examples (inputs and the items the rule must
// produce, inputs it must not match). Parse reads a file and reports every problem with
// file:line:column; New merges rule sets (an existing id is replaced, a new id extends)
// and compiles each rule through its kind, registered by name with RegisterKind; Test
// runs every example.
//
// Start from Default (the embedded Vietnamese pack under vi/, one file per concern,
// built from DOMAIN.md) and Load (the default pack with users' files merged over it).
// This package defines the generic kind "lexicon"; the kinds that extract record items
// (date, docnumber, reference, indicator, commendation tables and sentences, header
// blocks) are registered by package extract.
package rules
