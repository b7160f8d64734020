# Every closure form: bare/parenthesized/typed params, arrow/do bodies, no-param thunks.
fn main() do
  let inc = fn x -> x + 1 end
  let add = fn(a, b) -> a + b end
  let add2 = fn a, b -> a + b end
  let typed = fn(n :: Int) -> n * 2 end
  let thunk = fn -> 42 end
  let thunk2 = fn do 43 end
  let work = fn(s) do
    let k = String.length(s)
    k * 10
  end
  let ignore = fn _ -> 0 end
  println("${inc(1)} ${add(2, 3)} ${add2(4, 5)} ${typed(6)} ${thunk()} ${thunk2()} ${work("abc")} ${ignore("z")}")
end
