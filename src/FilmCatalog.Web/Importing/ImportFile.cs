using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FilmCatalog.Web.Importing;

/// <summary>
/// Reads one file to import, safely: only a regular file (after symlinks are followed), never a FIFO,
/// a device or a socket, and never more than <see cref="MaxBytes"/>, counted while reading rather than
/// trusted from the reported length (a device reports 0 and never ends).
/// </summary>
public static class ImportFile
{
    /// <summary>
    /// Larger files are not title pages. The largest legal page seen (the benchmark's film with 100,000
    /// reviews) is 68 MB; the cap leaves room and bounds what one file can make the importer hold.
    /// </summary>
    public const long MaxBytes = 128L * 1024 * 1024;

    /// <summary>The file's bytes, or the refusal that names it and the line where reading stopped.</summary>
    public static (byte[]? Content, ImportOutcome? Refused) Read(string path, long maxBytes = MaxBytes)
    {
        try
        {
            if (KindOf(path) is { } kind && kind != FileKind.Regular)
                return (null, ImportOutcome.Refused(path, 1, $"not a regular file (a {Describe(kind)}): only files are imported"));

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            // The path may have been swapped for something else between the check and the open.
            if (KindOf(stream.SafeFileHandle) is { } opened && opened != FileKind.Regular)
                return (null, ImportOutcome.Refused(path, 1, $"not a regular file (a {Describe(opened)}): only files are imported"));

            var content = new MemoryStream(stream.CanSeek ? (int)Math.Min(Math.Max(stream.Length, 0), maxBytes) : 0);
            var buffer = new byte[81920];
            var lines = 1;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    var kept = (int)(maxBytes - content.Length);
                    lines += buffer.AsSpan(0, kept).Count((byte)'\n');
                    return (null, ImportOutcome.Refused(path, lines, $"the file goes on past {maxBytes:N0} bytes, more than a title page can be"));
                }

                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                content.Write(buffer, 0, read);
            }

            return (content.Length == content.Capacity ? content.GetBuffer() : content.ToArray(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, ImportOutcome.Refused(path, 1, $"cannot read the file: {e.Message}"));
        }
    }

    private enum FileKind
    {
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        SymbolicLink,
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "named pipe",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        FileKind.Socket => "socket",
        FileKind.Directory => "directory",
        _ => "link",
    };

    /// <summary>What the path is, symlinks followed; null where the system cannot tell (then only the byte cap guards).</summary>
    private static FileKind? KindOf(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            return null; // opening reports it missing
        return OperatingSystem.IsLinux()
            ? Kind(Linux.statx(Linux.AtCurrentDirectory, path, 0, Linux.StatxType, out var status) == 0 ? status.Mode : null)
            : null;
    }

    private static FileKind? KindOf(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return Kind(Linux.statx((int)handle.DangerousGetHandle(), "", Linux.AtEmptyPath, Linux.StatxType, out var status) == 0 ? status.Mode : null);
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    private static FileKind? Kind(ushort? mode) => (mode & 0xF000) switch
    {
        null => null,
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        0xA000 => FileKind.SymbolicLink,
        _ => null,
    };

    /// <summary>
    /// statx(2): .NET exposes no file type beyond "directory", and opening a FIFO to look blocks until
    /// a writer comes. statx's layout is the same on every Linux architecture, unlike stat's.
    /// </summary>
    private static class Linux
    {
        public const int AtCurrentDirectory = -100;
        public const int AtEmptyPath = 0x1000;
        public const uint StatxType = 0x1;

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out Status status);

        /// <summary>struct statx, up to the mode; 256 bytes in all.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        public struct Status
        {
            public uint Mask;
            public uint BlockSize;
            public ulong Attributes;
            public uint Links;
            public uint User;
            public uint Group;
            public ushort Mode;
        }
    }
}
