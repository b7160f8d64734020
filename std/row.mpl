## Row: support for `deriving(Row)`. Not meant to be called directly.

# Decoder behind `deriving(Row)`'s `Type.from_row(row)`: builds the struct `type_id` from a
# database row in text form. Per field, in declaration order: a missing column is
# `missing column: <field>` (an Option field becomes None, as does an empty text); String
# is taken as is; Int/Float/Bool are parsed from the trimmed text (`cannot parse '<text>'
# as Int`; Bool accepts true/t/1/yes and false/f/0/no in any case).
extern fn __decode<T>(row :: Map<String, String>, type_id :: Int) -> T!String

# Decoder behind `deriving(Row)`'s `Type.from_sql_row(row)`: builds the struct `type_id`
# from a typed row (`Map<String, SqlValue>`). A column whose type does not fit the field,
# or a NULL in a field that is not an Option, is an error naming the column.
extern fn __decode_typed<T>(row :: Map<String, SqlValue>, type_id :: Int) -> T!String
