import AppCore
import HTTPCore
import Testing
@testable import Egresos

/// egresos.md §5 items 13 and 15 (and item 9's linked expense): keys in the doc's order, money twins, file URLs.
@Suite struct ExpenseViewsTests {
    let views = ExpenseViews(files: FileStore(storage: LocalFileStorage(prefix: FileStore.keyPrefix, root: "/unused"), baseURL: "https://api.example/files"))

    static let expense = ExpenseRecord(id: 1, kind: .refund, parentID: 7, supplierID: 3, concept: "Comida y alimentos",
                                       comments: "Comida", costInCents: 50000, paymentMethod: "cash",
                                       voucherFilePath: "expenses/v1/1/voucher_file-0123456789abcdef0123456789abcdef.pdf",
                                       acceptedAt: nil, rejectedAt: 1_575_065_251_893)

    private func text(_ value: JSONValue) -> String { String(decoding: JSONWriter.encode(value), as: UTF8.self) }

    private func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.0 == key }?.1
    }

    @Test("Expense: the doc's keys in order, cost = money(cost_in_cents), voucher_file an absolute URL, EXT supplier_id")
    func expense() {
        #expect(text(views.expense(Self.expense)) == """
            {"id":1,"concept":"Comida y alimentos","payment_method":"cash","cost_in_cents":50000,"comments":"Comida",\
            "accepted_at":null,"rejected_at":"2019-11-29T22:07:31.893Z","cost":"500.00",\
            "voucher_file":"https://api.example/files/expenses/v1/1/voucher_file-0123456789abcdef0123456789abcdef.pdf",\
            "supplier_id":3}
            """)
        var bare = Self.expense
        bare.voucherFilePath = nil
        #expect(member(views.expense(bare), "voucher_file") == .null)
    }

    @Test("the resume's expense adds type_of and the parent's id under its kind")
    func linked() {
        let linked = views.linkedExpense(Self.expense)
        #expect(member(linked, "type_of") == .string("refund") && member(linked, "refund") == .int(7) && member(linked, "supply") == nil)
        var supply = Self.expense
        supply.kind = .supply
        #expect(member(views.linkedExpense(supply), "supply") == .int(7))
    }

    @Test("Comment: id, status, message, then EXT user (UserSummary) and created_at")
    func comment() {
        let user = UserSummaryRecord(id: 4001, email: "a@element.com.mx", givenName: "Ana", name: "Ana Pérez", picture: nil,
                                     customPicture: nil, jobTitle: "Directora", role: "admin")
        let comment = CommentRecord(id: 5, status: "good", message: "Va", user: user, createdAt: 1_575_065_251_893)
        #expect(text(ExpenseViews.comment(comment)) == """
            {"id":5,"status":"good","message":"Va","user":{"id":4001,"email":"a@element.com.mx","given_name":"Ana",\
            "name":"Ana Pérez","picture":null,"custom_picture":null,"job_title":"Directora","role":"admin"},\
            "created_at":"2019-11-29T22:07:31.893Z"}
            """)
    }
}
