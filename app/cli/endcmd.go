package cli

import (
	"github.com/spf13/pflag"

	"context"
	"fmt"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// endCommand walks the early end as the lock allows: with the cool-down
// lock the first call requests, later calls say how long is left and, once
// the cool-down is over, confirm; --cancel withdraws. With the friend lock
// it needs --code; the strict lock says when the block ends.
func endCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	code := fs.String("code", "", "your friend's code (friend lock)")
	cancel := fs.Bool("cancel", false, "withdraw a requested early end")
	return func(_ []string, env Env) error {
		c, ctx := connect(), context.Background()
		st, err := c.Status(ctx)
		if err != nil {
			return err
		}
		s := st.Session
		if s == nil {
			return fmt.Errorf("no block is running")
		}
		action := s.NextUnlockAction()
		if *cancel && action != "" {
			action = api.UnlockCancel
		}
		if action == "" {
			return fmt.Errorf("this block has a strict lock: it cannot end early; it ends in %s (around %s)",
				api.HumanDuration(time.Duration(s.Remaining)), words.Moment(s.Ends))
		}
		if s.Lock.Mode == api.LockFriend && *code == "" {
			return usagef("end: this block ends with your friend's code: nocontact end --code CODE")
		}
		resp, err := c.Unlock(ctx, action, *code)
		if api.ErrorCode(err) == api.CodeWrongCode {
			return runError{sentence(words.WrongCode)}
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, resp)
		}
		fmt.Fprintln(env.Stdout, unlockText(action, resp))
		if action == api.UnlockRequest {
			unlockExcerpt(env)
		}
		return nil
	}
}

func unlockText(action api.UnlockAction, resp *api.UnlockResponse) string {
	switch {
	case resp.Ended:
		return words.Ended + " The hosts file is being restored."
	case action == api.UnlockCancel:
		return words.Kept + "\n" + words.Session(resp.Session)
	case resp.Session != nil && resp.Session.Unlock.State == api.UnlockWaiting:
		return fmt.Sprintf("Cool-down running: %s left. Run `nocontact end` again after it to confirm, within 10 minutes; `nocontact end --cancel` to keep the block.",
			api.HumanDuration(time.Duration(resp.Session.Unlock.ReadyIn)))
	}
	return "Nothing changed."
}
