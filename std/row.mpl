## Row: support for `deriving(Row)`. Not meant to be called directly.

# Decoder behind `deriving(Row)`'s `Type.from_row(row)`: builds the struct `type_id` from a
# database row in text form. Per field, in declaration order: a missing column is
# `missing column: <field>` (an Option field becomes None, as does an empty text); String
# is taken as is; Int/Float/Bool are parsed from the trimmed text (`cannot parse '<text>'
# as Int`; Bool accepts true/t/1/yes and false/f/0/no in any case).
extern fn __decode<T>(row :: Map<String, String>, type_id :: Int) -> T!String
