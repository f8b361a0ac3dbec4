package daemon

import (
	"fmt"
	"net"
	"os"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for a churning client in a child
// process (TestChurnDoesNotStarveRoot): with NOCONTACT_CHURN_SOCKET set
// it opens and closes connections to that socket for NOCONTACT_CHURN_FOR
// and prints how many it opened. With NOCONTACT_LOOKUP_AS it prints what
// lookupAsOwner finds for that name as uid 65534 (TestLookupAsOwner).
func TestMain(m *testing.M) {
	if name := os.Getenv("NOCONTACT_LOOKUP_AS"); name != "" { // TestLookupAsOwner's child
		_, finding := lookupAsOwner(65534, name, "127.78.0.1")
		fmt.Printf("[%s]\n", finding)
		os.Exit(0)
	}
	if sock := os.Getenv("NOCONTACT_CHURN_SOCKET"); sock != "" {
		d, _ := time.ParseDuration(os.Getenv("NOCONTACT_CHURN_FOR"))
		n := 0
		for end := time.Now().Add(d); time.Now().Before(end); {
			if c, err := net.Dial("unix", sock); err == nil {
				c.Close()
				n++
			}
		}
		fmt.Println(n)
		os.Exit(0)
	}
	os.Exit(m.Run())
}
