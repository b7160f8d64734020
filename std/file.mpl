## File: whole-file access. Failures are `Err(<OS error text>)`, e.g.
## `No such file or directory (os error 2)`.

## The whole file as UTF-8 text (invalid UTF-8 is an `Err`).
pub extern fn read(path :: String) -> String!String

## Creates or truncates the file and writes `text`.
pub extern fn write(path :: String, text :: String) -> ()!String

## Creates the file if missing and appends `text`.
pub extern fn append(path :: String, text :: String) -> ()!String

## True for existing files and directories.
pub extern fn exists(path :: String) -> Bool

## Removes a file (not a directory).
pub extern fn delete(path :: String) -> ()!String
