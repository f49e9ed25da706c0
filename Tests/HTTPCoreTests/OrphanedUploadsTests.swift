#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HTTPCore

/// The clean-up at a module's start of the temporary upload files that a killed process left behind: only files of
/// processes that are gone go, so processes (and hosts) sharing the directory keep their uploads in progress.
@Suite struct OrphanedUploadsTests {
    /// A fixed instant (2026-01-15 12:00:00 UTC) for file times; never the real clock.
    static let instant = 1_768_478_400
    /// A pid above any pid_max (2^22), so no process has it.
    static let deadPid: Int32 = 2_147_483_000

    /// Creates an empty file NAME in the sandbox's upload directory, last written at `modified`.
    func plant(_ name: String, in sandbox: UploadSandbox, modified: Int = instant) {
        _ = mkdir(sandbox.uploads, 0o700)
        let path = sandbox.uploads + "/" + name
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        precondition(fd >= 0, "open \(path)")
        close(fd)
        var times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    func name(_ owner: UploadOwner, _ suffix: String = "Ab12Cd") -> String { owner.namePrefix + suffix }

    @Test func aTemporaryFileIsNamedAfterThisProcessAndTheNameReadsBack() throws {
        let sandbox = UploadSandbox()
        let file = try TemporaryUploadFile(directory: sandbox.uploads)
        defer { file.remove() }
        let base = String(file.path.split(separator: "/").last!)
        let owner = try #require(UploadOwner(fileName: base))
        #expect(owner == UploadOwner.current)
        #expect(owner.pid == getpid())
        #expect(owner.startTicks > 0)
        #expect(owner.startTicks == UploadOwner.startTicks(of: getpid()))
    }

    @Test func namesThatAreNotAnOwnersReadAsNone() {
        #expect(UploadOwner(fileName: "upload-Ab12Cd") == nil)
        #expect(UploadOwner(fileName: "upload.12.x.abcd0123.host.Ab12Cd") == nil)
        #expect(UploadOwner(fileName: "upload.12.34.abcd0123.Ab12Cd") == nil)
        #expect(UploadOwner(fileName: "evidencia.jpg") == nil)
        let dotted = UploadOwner(fileName: "upload.12.34.abcd0123.app-1.example.org.Ab12Cd")
        #expect(dotted == UploadOwner(pid: 12, startTicks: 34, bootID: "abcd0123", host: "app-1.example.org"))
    }

    @Test func filesOfDeadOrReusedPidsOnThisHostAndBootAreRemovedLiveOnesStay() {
        let sandbox = UploadSandbox()
        let me = UploadOwner.current
        var dead = me
        dead.pid = Self.deadPid
        var reused = me  // this pid, but another process's start time: the pid was reused
        reused.startTicks = me.startTicks + 1
        var parent = me  // a live process of this host and boot (the test runner's parent)
        parent.pid = getppid()
        parent.startTicks = UploadOwner.startTicks(of: getppid()) ?? 0
        for owner in [me, dead, reused, parent] { plant(name(owner), in: sandbox) }

        let removed = OrphanedUploads.sweep(directory: sandbox.uploads, now: Self.instant + 60)

        #expect(Set(removed) == [name(dead), name(reused)])
        #expect(sandbox.uploadedFiles == [name(me), name(parent)].sorted())
    }

    @Test func filesOfAnEarlierBootAreRemovedWhateverTheirAge() {
        let sandbox = UploadSandbox()
        var earlier = UploadOwner.current
        earlier.bootID = earlier.bootID == "00000000" ? "ffffffff" : "00000000"
        plant(name(earlier), in: sandbox)

        #expect(OrphanedUploads.sweep(directory: sandbox.uploads, now: Self.instant) == [name(earlier)])
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test func anotherHostsFilesAndUnownedNamesGoOnlyWhenOlderThanADay() {
        let sandbox = UploadSandbox()
        var other = UploadOwner.current
        other.host = "another-host.example"
        other.pid = Self.deadPid  // dead here says nothing about the other host
        let fresh = name(other, "Fresh1"), stale = name(other, "Stale1")
        plant(fresh, in: sandbox, modified: Self.instant)
        plant(stale, in: sandbox, modified: Self.instant - OrphanedUploads.foreignMaxAge - 1)
        plant("upload-Old123", in: sandbox, modified: Self.instant - OrphanedUploads.foreignMaxAge - 1)
        plant("upload-New123", in: sandbox, modified: Self.instant)
        plant("other.txt", in: sandbox, modified: 0)

        let removed = OrphanedUploads.sweep(directory: sandbox.uploads, now: Self.instant)

        #expect(Set(removed) == [stale, "upload-Old123"])
        #expect(sandbox.uploadedFiles == [fresh, "other.txt", "upload-New123"].sorted())
    }

    @Test func aMissingDirectoryIsNothingToDo() {
        #expect(OrphanedUploads.sweep(directory: "/nonexistent/ventanilla/.incoming", now: Self.instant).isEmpty)
    }
}
