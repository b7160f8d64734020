import Util.Helpers

pub fn f() -> Int do
  1
end
