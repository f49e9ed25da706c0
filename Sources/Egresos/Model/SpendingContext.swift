/// The context of a supply or refund (egresos.md §3.8): customer, brand, project and the EXT quotation link,
/// each optional. The most specific reference sent determines all four (`quotation` > `project` > `brand` >
/// `customer`): a quotation fills its project, brand and customer; a project its brand and customer; a brand
/// its customer; a customer alone leaves the others null. Contradictory combinations are not an error.
struct SpendingContext: Sendable, Equatable {
    var customerID: Int?
    var brandID: Int?
    var projectID: Int?
    var quotationID: Int?

    /// No context.
    static let none = SpendingContext()

    /// A reference a request sends.
    enum Reference: Sendable, Equatable {
        case quotation(Int)
        case project(Int)
        case brand(Int)
        case customer(Int)
    }

    /// The most specific of the references sent (nil values are not sent), or nil when none is.
    static func mostSpecific(quotation: Int?, project: Int?, brand: Int?, customer: Int?) -> Reference? {
        if let quotation { return .quotation(quotation) }
        if let project { return .project(project) }
        if let brand { return .brand(brand) }
        return customer.map { .customer($0) }
    }
}
