# Files and directories whose name starts with `.` are not part of the program.
from Lib.Ok import ok

fn main() do
  println(ok())
end
