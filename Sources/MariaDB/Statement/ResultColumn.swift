/// The name and kind of a result column; equal shapes let a statement reuse its bound buffers.
struct ResultColumn: Equatable {
    var name: String
    var kind: SQLColumnKind
}
