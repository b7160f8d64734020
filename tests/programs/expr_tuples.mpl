# Tuples are heterogeneous values; `(e)` is grouping; `()` is unit; tuples can be nested and compared.
fn divmod(a :: Int, b :: Int) -> (Int, Int) do
  (a / b, a % b)
end

fn main() do
  let t = divmod(17, 5)
  let (q, r) = t
  let g = (1 + 2)
  let u = ()
  let n = nil
  let same :: () = u
  let _ = (same, n)
  println("${q} ${r} ${g}")
  println("${t == (3, 2)} ${(1, "a") != (1, "b")}")
end
