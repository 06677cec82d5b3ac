package corpus

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/baocao/baocao"
	"github.com/baocao/baocao/corpus/gen"
)

// The kill test runs ingest in a child process (this test binary, re-executed), kills
// it with SIGKILL at random points, reopens the data folder and resumes, then checks
// that the result is exactly what one uninterrupted run gives.
const (
	killEnvData = "BAOCAO_KILL_DATA"
	killEnvSrc  = "BAOCAO_KILL_SRC"
	killDocs    = 300
	killSeed    = 42
)

// TestKillChild is the child: it ingests the generated corpus and prints "acked N"
// after each commit. It does nothing when run normally.
func TestKillChild(t *testing.T) {
	data, src := os.Getenv(killEnvData), os.Getenv(killEnvSrc)
	if data == "" {
		t.Skip("child of TestKill9 only")
	}
	recs := gen.New(gen.Options{N: killDocs, Seed: killSeed}).All()
	c, err := Open(context.Background(), data, Options{})
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	all := make([]*baocao.Record, 0, len(recs))
	for _, d := range recs {
		all = append(all, d.Record)
	}
	out := bufio.NewWriter(os.Stdout)
	_, err = c.Ingest(context.Background(), []string{src}, IngestOptions{
		Process: truth(all), Match: isTxt, BatchDocs: 7, Workers: 2,
		OnCommit: func(done int) { fmt.Fprintf(out, "acked %d\n", done); out.Flush() },
	})
	if err != nil {
		fmt.Println("ingest failed:", err)
		os.Exit(4)
	}
	c.Close()
	fmt.Fprintln(out, "done")
	out.Flush()
}

func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("kill test is not short")
	}
	src, recs := genCorpus(t, killDocs, killSeed)
	data := t.TempDir() + "/data"
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	acked := 0 // the highest count a child reported as committed
	for kill := 1; kill <= 5; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnvData+"="+data, killEnvSrc+"="+src)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// kill after a random number of commits, then a random extra delay, so the
		// kill lands anywhere: while reading, indexing, committing or collecting
		target := r.IntN(killDocs/10) + 1
		delay := time.Duration(r.IntN(40)) * time.Millisecond
		sc := bufio.NewScanner(stdout)
		commits, lastAck, finished := 0, 0, false
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "acked "); ok {
				commits++
				lastAck, _ = strconv.Atoi(n)
				if commits >= target {
					break
				}
			}
			if line == "done" {
				finished = true
				break
			}
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		t.Logf("kill %d: after %d commits (+%v), this run acknowledged %d files; finished=%v", kill, commits, delay, lastAck, finished)

		// reopen: what any run acknowledged must be there
		c := openT(t, data)
		st, err := c.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents < lastAck || st.Documents < acked {
			t.Errorf("kill %d: %d documents after reopening, but %d were acknowledged (%d before this run)", kill, st.Documents, lastAck, acked)
		}
		if int(st.IndexedDocuments) != st.Documents {
			t.Errorf("kill %d: index has %d documents, manifest %d", kill, st.IndexedDocuments, st.Documents)
		}
		acked = st.Documents
		c.Close()
	}
	// resume: one more run in this process completes the work
	c := openT(t, data)
	defer c.Close()
	sum, err := c.Ingest(context.Background(), []string{src}, IngestOptions{Process: truth(recs), Match: isTxt})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New+sum.Unchanged != killDocs || len(sum.Failures) != 0 {
		t.Errorf("resume: %d new + %d unchanged, %d failures; want %d in all", sum.New, sum.Unchanged, len(sum.Failures), killDocs)
	}
	consistent(t, c, killDocs)
	wantRefs := 0
	for _, r := range recs {
		wantRefs += len(r.References)
	}
	st, _ := c.Stats(context.Background())
	if st.References != wantRefs || st.Paths != killDocs {
		t.Errorf("after resume: %d references and %d paths, want %d and %d", st.References, st.Paths, wantRefs, killDocs)
	}
	if c.dirty() {
		t.Error("data folder still marked dirty after a complete run")
	}
}
