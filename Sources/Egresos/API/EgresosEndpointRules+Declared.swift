extension EgresosEndpointRules {
    /// Every declared rule set, each once: the ones the served operations validate with and those of the
    /// customers/brands/projects routes.
    public static let declared: [EndpointRules] = {
        var seen = Set<String>()
        return (all + customersEndpoints + quotationEndpoints + approvalEndpoints).filter { seen.insert($0.endpoint).inserted }
    }()

    /// The start-up check: touching `declared` parses every rule set once; the first malformed rule is thrown,
    /// so a typo stops the module before it serves instead of failing a request.
    public static func checkDeclared(_ rules: [EndpointRules] = declared) throws(RuleParseError) {
        for rule in rules {
            if let error = rule.parseError { throw error }
        }
    }
}
