pub fn swap(p) do
  let (a, b) = p
  (b, a)
end

pub fn first_of<T>(xs :: List<T>, fallback :: T) -> T do
  case xs do
    h :: _ -> h
    _ -> fallback
  end
end
