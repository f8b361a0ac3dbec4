package api

// PrivateLine says in a sentence what the block does to private windows.
func (s *Session) PrivateLine() string {
	if s.ClosePrivate {
		return "Private windows: closed in your browsers during the block"
	}
	return "Private windows: open (they keep the blocks, but show no passage and count no attempt)"
}
