# A program without `fn main()` is an error.
fn helper() -> Int = 1
