@testable import Egresos
import Testing

/// One caller kind of the table: the caller's role and relations to the item, and the item's facts that the
/// draft's destination depends on (egresos.md §7.1 "set when" column).
struct ApprovalKind: Sendable {
    let name: String
    let caller: ApprovalCaller
    let facts: ApprovalFacts
}

/// egresos.md §7.1/§7.2 written out as a table before the code: every (item × status × caller kind × action)
/// cell. `→N` = allowed, moving to status N; `ok` = allowed, no status change; `403` = 403 `4031`; `409` =
/// 409 `"409"`; `423` = 423 `"423"`; `404` = no such route (404 `4041`).
@Suite("Approval chains (egresos.md §7.1, §7.2, §7.4): pure state machines")
struct ApprovalChainTests {
    /// The item's usual facts: created by a collaborator (not an admin), the project's grouper is someone else.
    static let usual = ApprovalFacts(creatorIsAdmin: false, leader: .other)

    /// The columns of every row below, in this order.
    static let kinds: [ApprovalKind] = [
        ApprovalKind(name: "admin creator", caller: .init(role: .admin, isCreator: true, isLeader: false),
                     facts: .init(creatorIsAdmin: true, leader: .other)),
        ApprovalKind(name: "admin leader", caller: .init(role: .admin, isCreator: false, isLeader: true), facts: usual),
        ApprovalKind(name: "admin", caller: .init(role: .admin, isCreator: false, isLeader: false), facts: usual),
        ApprovalKind(name: "grouper leader", caller: .init(role: .grouper, isCreator: false, isLeader: true), facts: usual),
        ApprovalKind(name: "grouper creator", caller: .init(role: .grouper, isCreator: true, isLeader: false), facts: usual),
        ApprovalKind(name: "grouper creator+leader", caller: .init(role: .grouper, isCreator: true, isLeader: true),
                     facts: .init(creatorIsAdmin: false, leader: .creator)),
        ApprovalKind(name: "grouper", caller: .init(role: .grouper, isCreator: false, isLeader: false), facts: usual),
        ApprovalKind(name: "account_manager creator", caller: .init(role: .accountManager, isCreator: true, isLeader: false),
                     facts: usual),
        ApprovalKind(name: "account_manager creator, no leader",
                     caller: .init(role: .accountManager, isCreator: true, isLeader: false),
                     facts: .init(creatorIsAdmin: false, leader: .none)),
        ApprovalKind(name: "account_manager leader", caller: .init(role: .accountManager, isCreator: false, isLeader: true),
                     facts: usual),
        ApprovalKind(name: "account_manager", caller: .init(role: .accountManager, isCreator: false, isLeader: false),
                     facts: usual),
        ApprovalKind(name: "rh creator", caller: .init(role: .rh, isCreator: true, isLeader: false), facts: usual),
        ApprovalKind(name: "rh", caller: .init(role: .rh, isCreator: false, isLeader: false), facts: usual),
        ApprovalKind(name: "manager", caller: .init(role: .manager, isCreator: false, isLeader: false), facts: usual),
        ApprovalKind(name: "employee", caller: .init(role: .employee, isCreator: false, isLeader: false), facts: usual),
        ApprovalKind(name: "employee leader", caller: .init(role: .employee, isCreator: false, isLeader: true), facts: usual),
        ApprovalKind(name: "supplier", caller: .supplier, facts: usual),
    ]

    /// The table, one row per (action, items, status), one cell per kind above (same order): `*` = every item,
    /// `q` = quotation, `sr` = supply and refund. Roles lines (§2): quotation reject admits admin and grouper,
    /// everything else admin, grouper and account_manager. Edits (#34-#37, #46/#54 with an id, #47/#55,
    /// #48/#56) check creator-or-admin (403) before the status (423) (E9); a supply or refund is deleted in 0 or
    /// 4 (#51/#59); a comment (#44) goes in any status. Where an item has no route for an action (a quotation
    /// delete, a supply or refund comment), every cell is 404.
    //                     AC  AL  A   GL  GC  GCL G   MC  MCn ML  M   RC  R   MG  E   EL  S
    static let table = """
        confirm  *   0    →2  →1  →1  403 →1  →2  403 →1  →2  403 403 403 403 403 403 403 403
        confirm  *   1    →3  →3  →3  →2  403 →2  403 403 403 403 403 403 403 403 403 403 403
        confirm  *   2    →3  →3  →3  403 403 403 403 403 403 403 403 403 403 403 403 403 403
        confirm  *   3    409 409 409 409 409 409 409 409 409 409 409 403 403 403 403 403 403
        confirm  *   4    409 409 409 409 409 409 409 409 409 409 409 403 403 403 403 403 403
        reject   q   0    409 409 409 409 409 409 409 403 403 403 403 403 403 403 403 403 403
        reject   q   1    →4  →4  →4  →4  403 →4  403 403 403 403 403 403 403 403 403 403 403
        reject   q   2    →4  →4  →4  403 403 403 403 403 403 403 403 403 403 403 403 403 403
        reject   q   3    409 409 409 409 409 409 409 403 403 403 403 403 403 403 403 403 403
        reject   q   4    409 409 409 409 409 409 409 403 403 403 403 403 403 403 403 403 403
        reject   sr  0    409 409 409 409 409 409 409 409 409 409 409 403 403 403 403 403 403
        reject   sr  1    →4  →4  →4  →4  403 →4  403 403 403 403 403 403 403 403 403 403 403
        reject   sr  2    →4  →4  →4  403 403 403 403 403 403 403 403 403 403 403 403 403 403
        reject   sr  3    409 409 409 409 409 409 409 409 409 409 409 403 403 403 403 403 403
        reject   sr  4    409 409 409 409 409 409 409 409 409 409 409 403 403 403 403 403 403
        edit     *   0    ok  ok  ok  403 ok  ok  403 ok  ok  403 403 403 403 403 403 403 403
        edit     *   1    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        edit     *   2    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        edit     *   3    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        edit     *   4    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        delete   sr  0    ok  ok  ok  403 ok  ok  403 ok  ok  403 403 403 403 403 403 403 403
        delete   sr  1    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        delete   sr  2    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        delete   sr  3    423 423 423 403 423 423 403 423 423 403 403 403 403 403 403 403 403
        delete   sr  4    ok  ok  ok  403 ok  ok  403 ok  ok  403 403 403 403 403 403 403 403
        comment  q   0    ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403 403 403
        comment  q   1    ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403 403 403
        comment  q   2    ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403 403 403
        comment  q   3    ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403 403 403
        comment  q   4    ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  403 403 403 403 403 403
        """

    /// The row of `table` for (`item`, `action`, `status`), or 17 × `404` when the table has none.
    static func expected(_ item: ApprovalItem, _ action: ApprovalAction, _ status: ApprovalStatus) -> [String] {
        let items = item == .quotation ? ["*", "q"] : ["*", "sr"]
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words[0] == "\(action)", items.contains(words[1]), words[2] == "\(status.rawValue)" { return Array(words.dropFirst(3)) }
        }
        return Array(repeating: "404", count: kinds.count)
    }

    /// A decision in the table's notation.
    static func cell(_ decision: Result<ApprovalTransition, EgresosError>) -> String {
        switch decision {
        case .success(let transition):
            transition.to == transition.from && transition.notifications.isEmpty ? "ok" : "→\(transition.to.rawValue)"
        case .failure(let error):
            switch error.code {
            case "4031": "403"
            case "409": "409"
            case "423": "423"
            case "4041": "404"
            default: "unexpected \(error.code)"
            }
        }
    }

    @Test("every (item × status × caller kind × action) cell", arguments: ApprovalItem.allCases)
    func table(_ item: ApprovalItem) {
        var cells = 0
        for action in ApprovalAction.allCases {
            for status in ApprovalStatus.allCases {
                let row = Self.expected(item, action, status)
                #expect(row.count == Self.kinds.count, "\(action) \(status)")
                for (kind, expected) in zip(Self.kinds, row) {
                    let decision = ApprovalChain.decide(item: item, status: status, action: action, caller: kind.caller,
                                                        facts: kind.facts)
                    #expect(Self.cell(decision) == expected, "\(item) \(action) at \(status.rawValue) by \(kind.name)")
                    cells += 1
                }
            }
        }
        #expect(cells == ApprovalAction.allCases.count * ApprovalStatus.allCases.count * 17)
    }

    /// The effects of each step, from §7.1's Transitions table and §7.4 (the expense stamps of §7.2).
    struct Effects {
        let step: ApprovalStep
        let stamps: [ApprovalStamp]
        let comment: CommentStatus
        let notifications: [PlannedNotification]
    }

    static func effects(_ item: ApprovalItem, from: ApprovalStatus, to: ApprovalStatus) -> Effects? {
        let expenses = item != .quotation
        switch (from, to) {
        case (.draft, .leaderReview):
            return Effects(step: .submitToLeader, stamps: [.completedAt], comment: .info,
                           notifications: [PlannedNotification(recipient: .leader, status: .submited, message: .submitted)])
        case (.draft, .directorsReview):
            return Effects(step: .submitToDirectors, stamps: [.completedAt], comment: .info,
                           notifications: [PlannedNotification(recipient: .directors, status: .submited, message: .submitted)])
        case (.leaderReview, .directorsReview):
            return Effects(step: .leaderAccept, stamps: [.leaderAcceptedBy], comment: .good, notifications: [
                PlannedNotification(recipient: .directors, status: .submited, message: .forwarded),
                PlannedNotification(recipient: .creator, status: .accepted, message: .acceptedByLeader),
            ])
        case (_, .approved):
            return Effects(step: .directorAccept,
                           stamps: [.directorAcceptedBy, .acceptedAt] + (expenses ? [.expensesAcceptedAt] : []),
                           comment: .good, notifications: [
                               PlannedNotification(recipient: .creator, status: .approved, message: .approved),
                               PlannedNotification(recipient: .leader, status: .approved, message: .approved),
                           ])
        default:
            return nil
        }
    }

    @Test("each transition's effects: stamps, comment status, notifications (§7.1, §7.2, §7.4)",
          arguments: ApprovalItem.allCases)
    func transitionEffects(_ item: ApprovalItem) throws {
        let expenses: [ApprovalStamp] = item == .quotation ? [] : [.expensesRejectedAt]
        let creator = ApprovalCaller(role: .accountManager, isCreator: true, isLeader: false)
        let leader = ApprovalCaller(role: .grouper, isCreator: false, isLeader: true)
        let director = ApprovalCaller(role: .admin, isCreator: false, isLeader: false)
        func decide(_ status: ApprovalStatus, _ action: ApprovalAction, _ caller: ApprovalCaller,
                    _ facts: ApprovalFacts = Self.usual) throws -> ApprovalTransition {
            try ApprovalChain.decide(item: item, status: status, action: action, caller: caller, facts: facts).get()
        }
        for (status, action, caller, facts) in [
            (ApprovalStatus.draft, ApprovalAction.confirm, creator, Self.usual),
            (.draft, .confirm, creator, ApprovalFacts(creatorIsAdmin: false, leader: .none)),
            (.leaderReview, .confirm, leader, Self.usual), (.leaderReview, .confirm, director, Self.usual),
            (.directorsReview, .confirm, director, Self.usual),
        ] {
            let transition = try decide(status, action, caller, facts)
            let effects = try #require(Self.effects(item, from: status, to: transition.to), "\(status) → \(transition.to)")
            #expect(transition.item == item && transition.from == status)
            #expect(transition.step == effects.step)
            #expect(transition.stamps == effects.stamps, "\(effects.step)")
            #expect(transition.comment == effects.comment, "\(effects.step)")
            #expect(transition.notifications == effects.notifications, "\(effects.step)")
        }
        let leaderReject = try decide(.leaderReview, .reject, leader)
        #expect(leaderReject.step == .leaderReject && leaderReject.to == .rejected)
        #expect(leaderReject.stamps == [.leaderRejectedBy, .rejectedAt] + expenses)
        #expect(leaderReject.comment == .bad)
        #expect(leaderReject.notifications == [PlannedNotification(recipient: .creator, status: .rejected, message: .rejected)])
        for status in [ApprovalStatus.leaderReview, .directorsReview] {
            let directorReject = try decide(status, .reject, director)
            #expect(directorReject.step == .directorReject && directorReject.to == .rejected)
            #expect(directorReject.stamps == [.directorRejectedBy, .rejectedAt] + expenses)
            #expect(directorReject.comment == .bad)
            #expect(directorReject.notifications == [
                PlannedNotification(recipient: .creator, status: .rejected, message: .rejected),
                PlannedNotification(recipient: .leader, status: .rejected, message: .rejected),
            ])
        }
        let edit = try decide(.draft, .edit, creator)
        #expect(edit.step == .edit && edit.to == .draft && edit.stamps.isEmpty && edit.comment == nil && edit.notifications.isEmpty)
    }

    @Test("E9: an admin confirming someone else's draft sends it where the creator's confirm would")
    func adminConfirmsAnothersDraft() throws {
        let admin = ApprovalCaller(role: .admin, isCreator: false, isLeader: false)
        let routes: [(ApprovalFacts, ApprovalStatus)] = [
            (ApprovalFacts(creatorIsAdmin: false, leader: .other), .leaderReview),
            (ApprovalFacts(creatorIsAdmin: false, leader: .creator), .directorsReview),
            (ApprovalFacts(creatorIsAdmin: false, leader: .none), .directorsReview),
            (ApprovalFacts(creatorIsAdmin: true, leader: .other), .directorsReview),
            (ApprovalFacts(creatorIsAdmin: true, leader: .none), .directorsReview),
            (ApprovalFacts(creatorIsAdmin: true, leader: .creator), .directorsReview),
        ]
        for (facts, to) in routes {
            for item in ApprovalItem.allCases {
                let transition = try ApprovalChain.decide(item: item, status: .draft, action: .confirm, caller: admin,
                                                          facts: facts).get()
                #expect(transition.to == to, "\(facts)")
                #expect(facts.submitsTo == to)
            }
        }
    }

    @Test("§7.4 messages, verbatim, with the actor's name and the rejection reason")
    func messages() {
        #expect(NotificationMessage.submitted.text(actor: "Ana", reason: "x")
            == "Ana ha creado una solicitud. Tu eres el responsable de su revisión.")
        #expect(NotificationMessage.forwarded.text(actor: "Ana", reason: "")
            == "Ana ha aceptado una solicitud. Tu eres el responsable de su revisión.")
        #expect(NotificationMessage.acceptedByLeader.text(actor: "Ana", reason: "")
            == "Ana ha aceptado tu solicitud. Ahora está en revisión de los directivos.")
        #expect(NotificationMessage.approved.text(actor: "Ana", reason: "bien") == "Ana ha aprobado la solicitud.")
        #expect(NotificationMessage.rejected.text(actor: "Ana", reason: "") == "Ana ha rechazado la solicitud.")
        #expect(NotificationMessage.rejected.text(actor: "Ana", reason: "Muy caro")
            == "Ana ha rechazado la solicitud. Motivo: Muy caro")
        #expect(NotificationStatus.allCases.map(\.rawValue) == ["submited", "accepted", "approved", "rejected"])
        #expect(CommentStatus.allCases.map(\.rawValue) == ["good", "bad", "info"])
    }

    static let people = ApprovalPeople(creator: 10, leader: 20, directors: [1, 2])

    func resolve(_ item: ApprovalItem, _ status: ApprovalStatus, _ action: ApprovalAction, _ caller: ApprovalCaller,
                 actor: Int, people: ApprovalPeople = Self.people, reason: String = "") throws -> [ResolvedNotification] {
        let transition = try ApprovalChain.decide(item: item, status: status, action: action, caller: caller,
                                                  facts: Self.usual).get()
        return transition.resolve(actor: actor, actorName: "Ana", reason: reason, people: people)
    }

    @Test("recipients resolved: one row per person, in order, deduplicated, never the actor (§7.4)")
    func recipients() throws {
        let creator = ApprovalCaller(role: .accountManager, isCreator: true, isLeader: false)
        let leader = ApprovalCaller(role: .grouper, isCreator: false, isLeader: true)
        let director = ApprovalCaller(role: .admin, isCreator: false, isLeader: false)
        let submit = try resolve(.supply, .draft, .confirm, creator, actor: 10)
        #expect(submit == [ResolvedNotification(to: 20, item: .supply, status: .submited,
                                                message: "Ana ha creado una solicitud. Tu eres el responsable de su revisión.")])
        let forwarded = try resolve(.quotation, .leaderReview, .confirm, leader, actor: 20)
        #expect(forwarded.map(\.to) == [1, 2, 10])
        #expect(forwarded.map(\.status) == [.submited, .submited, .accepted])
        #expect(forwarded.last?.message == "Ana ha aceptado tu solicitud. Ahora está en revisión de los directivos.")
        // A director who is also the project's grouper rejects: the leader is the actor, so only the creator.
        let adminLeader = ApprovalCaller(role: .admin, isCreator: false, isLeader: true)
        let rejected = try resolve(.refund, .directorsReview, .reject, adminLeader, actor: 20, reason: "No")
        #expect(rejected == [ResolvedNotification(to: 10, item: .refund, status: .rejected,
                                                  message: "Ana ha rechazado la solicitud. Motivo: No")])
        // The leader is the creator: one approval notice, not two.
        let same = ApprovalPeople(creator: 10, leader: 10, directors: [1, 2])
        let approved = try resolve(.quotation, .directorsReview, .confirm, director, actor: 1, people: same)
        #expect(approved.map(\.to) == [10])
        // No leader: nobody but the creator.
        let noLeader = ApprovalPeople(creator: 10, leader: nil, directors: [1, 2])
        #expect(try resolve(.quotation, .directorsReview, .confirm, director, actor: 1, people: noLeader).map(\.to) == [10])
        // Directors listed twice, the actor among them: each other director once.
        let doubled = ApprovalPeople(creator: 1, leader: nil, directors: [1, 2, 2, 3])
        let adminCreator = ApprovalCaller(role: .admin, isCreator: true, isLeader: false)
        let toDirectors = try ApprovalChain.decide(item: .quotation, status: .draft, action: .confirm, caller: adminCreator,
                                                   facts: ApprovalFacts(creatorIsAdmin: true, leader: .none)).get()
        #expect(toDirectors.resolve(actor: 1, actorName: "Ana", reason: "", people: doubled).map(\.to) == [2, 3])
        // A creator who is a director gets the first notice planned (review), once.
        let directorCreator = ApprovalPeople(creator: 2, leader: 20, directors: [1, 2])
        let forwardedToDirector = try resolve(.quotation, .leaderReview, .confirm, leader, actor: 20, people: directorCreator)
        #expect(forwardedToDirector.map(\.to) == [1, 2])
        #expect(forwardedToDirector.map(\.status) == [.submited, .submited])
        // Edits, deletes and comments notify nobody.
        #expect(try resolve(.quotation, .draft, .edit, creator, actor: 10).isEmpty)
    }
}
