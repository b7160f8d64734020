## IO: standard input and standard error. (Standard output is `print`/`println`.)

## One line of standard input without its line ending; `Ok("")` at end of input;
## `Err(<OS error text>)` on failure.
pub extern fn read_line() -> String!String

## Writes `s` and a newline to standard error.
pub extern fn eprintln(s :: String) -> ()
