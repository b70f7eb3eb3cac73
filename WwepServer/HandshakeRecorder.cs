using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace WwepServer
{
    /// <summary>
    /// Sits between a TLS connection's socket stream and its SslStream during the handshake and keeps the first bytes
    /// the client sent, and how the reading ended: when the handshake fails, they tell what the client was (plain WWEP,
    /// a browser, a ClientHello offering TLS 1.1) where the runtime's exception does not. Once the handshake is done it
    /// only passes calls on.
    /// </summary>
    public sealed class HandshakeRecorder : Stream
    {
        /// <summary>Bytes kept: a ClientHello's versions and server name fit in far less.</summary>
        public const int Kept = 1024;

        private readonly Stream _inner;
        private byte[]? _first;
        private int _count;

        /// <summary>Wraps the connection's stream.</summary>
        /// <param name="inner">The socket's stream.</param>
        public HandshakeRecorder(Stream inner)
        {
            _inner = inner;
        }

        /// <summary>Whether reads are still recorded (set false once the handshake is done).</summary>
        public bool Recording { get; set; } = true;

        /// <summary>Bytes the client sent while recording.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>Whether the client closed its side while recording (a read returned 0).</summary>
        public bool ClientClosed { get; private set; }

        /// <summary>What the server made of the client's certificate, set by the validation callback (mutual TLS).</summary>
        public ClientCertificateVerdict? ClientCertificate { get; set; }

        /// <summary>The first bytes the client sent (at most <see cref="Kept"/>).</summary>
        public ReadOnlySpan<byte> FirstBytes
        {
            get { return _first == null ? ReadOnlySpan<byte>.Empty : _first.AsSpan(0, _count); }
        }

        /// <inheritdoc />
        public override bool CanRead
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override bool CanSeek
        {
            get { return false; }
        }

        /// <inheritdoc />
        public override bool CanWrite
        {
            get { return true; }
        }

        /// <inheritdoc />
        public override long Length
        {
            get { throw new NotSupportedException(); }
        }

        /// <inheritdoc />
        public override long Position
        {
            get { throw new NotSupportedException(); }
            set { throw new NotSupportedException(); }
        }

        /// <inheritdoc />
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            return Recording ? RecordAsync(buffer, cancellationToken) : _inner.ReadAsync(buffer, cancellationToken);
        }

        /// <inheritdoc />
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            return Read(buffer.AsSpan(offset, count));
        }

        /// <inheritdoc />
        public override int Read(Span<byte> buffer)
        {
            int received = _inner.Read(buffer);
            if (Recording)
            {
                Keep(buffer.Slice(0, received));
            }

            return received;
        }

        /// <inheritdoc />
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            return _inner.WriteAsync(buffer, cancellationToken);
        }

        /// <inheritdoc />
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            return _inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count)
        {
            _inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _inner.Write(buffer);
        }

        /// <inheritdoc />
        public override void Flush()
        {
            _inner.Flush();
        }

        /// <inheritdoc />
        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            return _inner.FlushAsync(cancellationToken);
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override void SetLength(long value)
        {
            throw new NotSupportedException();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <inheritdoc />
        public override async ValueTask DisposeAsync()
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        private async ValueTask<int> RecordAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            int received = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Keep(buffer.Span.Slice(0, received));
            return received;
        }

        private void Keep(ReadOnlySpan<byte> received)
        {
            if (received.Length == 0)
            {
                ClientClosed = true;
                return;
            }

            BytesReceived += received.Length;
            int room = Kept - _count;
            if (room > 0)
            {
                _first ??= new byte[Kept];
                int taken = Math.Min(room, received.Length);
                received.Slice(0, taken).CopyTo(_first.AsSpan(_count));
                _count += taken;
            }
        }
    }
}
