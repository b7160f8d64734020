pub struct User do
  name :: String
  age :: Int
end

pub fn make(name :: String) -> User = User { name: name, age: 1 }
