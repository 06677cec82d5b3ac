package main

import (
	"fmt"
	"runtime/debug"

	"github.com/baocao/baocao"
	"github.com/urfave/cli/v2"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise the module
// version or VCS revision recorded by the Go toolchain is shown.
var version = ""

func init() {
	register(&cli.Command{
		Name:  "version",
		Usage: "print the version of baocao and of its record format",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(c.App.Writer, "baocao %s (record %s)\n", buildVersion(), baocao.Schema)
			return nil
		},
	})
}

func buildVersion() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
