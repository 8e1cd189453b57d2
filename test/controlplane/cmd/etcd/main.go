// Command etcd is the etcd server, built from go.etcd.io/etcd/server/v3 in the same module graph as the
// Kubernetes control plane it backs, so the test harness needs no release binary.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
