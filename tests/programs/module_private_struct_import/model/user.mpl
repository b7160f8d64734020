struct Hidden do
  x :: Int
end

pub fn n() -> Int = 1
