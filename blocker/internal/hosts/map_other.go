//go:build !unix

package hosts

// MapFile reads the file where mapping is not used.
func MapFile(path string) (b []byte, unmap func(), err error) {
	b, err = ReadFile(path)
	return b, func() {}, err
}
