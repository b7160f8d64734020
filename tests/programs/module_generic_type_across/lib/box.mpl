pub struct Box<T> do
  value :: T
end deriving(Display)

pub type Either<L, R> do
  Left(L)
  Right(R)
end

pub fn wrap(x) = Box { value: x }
