# deriving(Schema) defaults: table = snake_case name + "s" (the original wrote "orgmemberships"),
# primary key "id", SQL types per field.
struct OrgMembership do
  id :: String
  count :: Int
  ratio :: Float
  active :: Bool
  tags :: List<String>
end deriving(Schema)

fn main() do
  println(OrgMembership.__table__())
  println(OrgMembership.__primary_key__())
  println("${OrgMembership.__fields__()}")
  println("${OrgMembership.__field_types__()}")
  println("${OrgMembership.__relationships__()}")
  println(OrgMembership.__count_col__())
end
