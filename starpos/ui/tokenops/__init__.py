"""The counter's token operations screens (issue 16): token cancel, replace meter and the
key change flag, under the window's ``&Tokens`` menu."""
