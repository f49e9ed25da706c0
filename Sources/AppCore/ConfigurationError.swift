/// A configuration value that is missing or unusable; the message names the variable, never a secret's value.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The environment variable at fault.
    public let variable: String
    /// What is wrong with it.
    public let problem: String

    /// An error about `variable`.
    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    /// A message for the operator.
    public var description: String { "configuration: \(variable) \(problem)" }
}
