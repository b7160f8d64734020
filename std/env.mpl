## Env: the process environment.

## `Some(value)` if the variable is set (and valid Unicode), otherwise `None`.
pub extern fn get(key :: String) -> Option<String>

## The program's command-line arguments (without the program name).
pub extern fn args() -> List<String>
