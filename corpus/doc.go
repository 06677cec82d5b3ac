// Package corpus stores the records of ingested files and keeps the search index in
// step with them. A data folder holds each record as JSON keyed by the file's content
// sha256 (the source of truth), its document model, a bbolt manifest (path → hash,
// hash → paths and counts) and the bleve index, which can always be rebuilt.
//
// Start from Open (or the Ingest function, which opens, ingests and closes),
// Corpus.Ingest, Corpus.Stats, Corpus.Lookup and Corpus.Reindex; Corpus.Index gives
// the index for searching. Package corpus/gen writes realistic generated corpora with
// their ground truth, for tests and benchmarks.
//
// Ingest is incremental (unchanged files skipped, changed replaced, the same content
// under two paths stored once, --prune removes what is gone) and crash-safe: records
// are written to a temporary file, synced and renamed; a batch is indexed, then
// committed to the manifest, which is the commit point; contents nothing refers to are
// removed only after that commit, through a journal (the gc bucket). A run that does
// not finish leaves the folder marked dirty, and the next Open reconciles the store and
// the index with the manifest. A second process gets ErrInUse at once (flock on the
// folder's lock file, and bleve's bolt_timeout behind it).
package corpus

// BUG(corpus): a file is hashed and then read by the pipeline; if it changes in
// between, the content read is stored under the hash of what was read, and the next
// run sees the path as changed.

// BUG(corpus): search, show and stats take the data folder's lock too (bleve opens its
// index for writing), so they cannot run while an ingest is running on the same folder.
