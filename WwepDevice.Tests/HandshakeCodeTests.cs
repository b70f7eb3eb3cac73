using System;
using nanoFramework.TestFramework;
using WwepDevice.Core.Network;
using WwepDevice.Core.Press;
using WwepDevice.Core.Settings;
using WwepDevice.Core.Tls;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    // Handshake codes beyond -0x2700. Newer native (nf-interpreter a3e8139a, src/PAL/COM/sockets/ssl/MbedTLS/
    // ssl_connect_internal.cpp 58-66) passes verify flags only for -0x2700 and every other code raw, thrown as
    // CryptographicException; the older one (3367392a) throws SocketException with the same code. Values from
    // mbedTLS 3.6 headers: ssl.h (-0x7A00 BAD_CERTIFICATE, -0x7F00), x509.h (-0x2880), bignum.h (-0x0010),
    // ecp.h (-0x4D80), pk.h (-0x3F80). -0x7A00 comes from library/ssl_tls.c (about 9972-9988): keyUsage,
    // extKeyUsage or an EC curve not offered.
    [TestClass]
    public class HandshakeCodeTests
    {
        private const int DeviceId = 0x02E8;

        // SSL, X509, MPI, ECP, PK.
        private static readonly int[] AllocationCodes = { -0x7F00, -0x2880, -0x0010, -0x4D80, -0x3F80 };

        [TestMethod]
        public void BadCertificateIsPermanentAndPointsAtCertsCheck()
        {
            string[] types = { "CryptographicException", "SocketException" };
            foreach (string type in types)
            {
                WwepTransportException failure = Board(type, -0x7A00, false);
                Assert.AreEqual((int)TlsFailureCause.BadServerCertificate, (int)failure.TlsCause, type);
                Assert.IsTrue(failure.Message.IndexOf("mbedTLS -0x7A00") > 0, failure.Message);
                Assert.IsTrue(failure.Message.IndexOf("-- check --server-cert") > 0, failure.Message);
                Assert.IsTrue(failure.Message.IndexOf("serverAuth") > 0, failure.Message);
                Assert.IsTrue(Permanent(failure, 1), type);
            }
        }

        // main's HandshakeFailureTests checks the cause of each code; here the words and the count of retries.
        [TestMethod]
        public void AllocationCodesNameHeapAndPsram()
        {
            string[] types = { "CryptographicException", "SocketException" };
            foreach (int code in AllocationCodes)
            {
                foreach (string type in types)
                {
                    WwepTransportException failure = Board(type, code, false);
                    Assert.IsTrue(failure.Message.IndexOf("managed heap") > 0, failure.Message);
                    Assert.IsTrue(failure.Message.IndexOf("PSRAM") > 0, failure.Message);
                }
            }
        }

        [TestMethod]
        public void AllocationCodesAreRetriedOnce()
        {
            foreach (int code in AllocationCodes)
            {
                WwepTransportException failure = Board("CryptographicException", code, false);
                Assert.IsFalse(Permanent(failure, 1), "the first may find free heap next time");
                Assert.IsTrue(Permanent(failure, 2), "the second in a row stops the retries");
            }
        }

        [TestMethod]
        public void OutOfMemoryExceptionIsRetriedOnceToo()
        {
            WwepTransportException failure = Board("OutOfMemoryException", 0, false);
            Assert.IsFalse(Permanent(failure, 1));
            Assert.IsTrue(Permanent(failure, 2));
        }

        [TestMethod]
        public void ASuccessBetweenTwoAllocationFailuresStartsAgain()
        {
            WwepTransportException failure = Board("CryptographicException", -0x2880, false);
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(failure);
            transport.Enqueue(new FakeConnection(Ascii.Bytes("A02E8050001"), ReplyScript.ReplyThenClose));
            transport.Enqueue(failure);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), new WwepSettings(), DeviceId);
            sender.Send(true, TransportKind.Tls);
            Assert.AreEqual((int)SendOutcome.Acknowledged, (int)sender.Send(true, TransportKind.Tls));
            sender.Send(true, TransportKind.Tls);
            Assert.IsFalse(sender.LastFailureIsPermanent);
        }

        [TestMethod]
        public void AnUnlistedCodeIsStillUnrecognized()
        {
            Assert.AreEqual((int)TlsFailureCause.Unknown, (int)TlsDiagnosis.FromErrorCode(-0x7A80));
        }

        [TestMethod]
        public void ClientCertificateOffersTls12Only()
        {
            Assert.IsFalse(TlsVersionChoice.OffersTls13(true));
            Assert.IsTrue(TlsVersionChoice.Describe(true).IndexOf("1.2 only") >= 0);
        }

        [TestMethod]
        public void WithoutClientCertificateTls13IsOffered()
        {
            Assert.IsTrue(TlsVersionChoice.OffersTls13(false));
            Assert.IsTrue(TlsVersionChoice.Describe(false).IndexOf("1.3") > 0);
        }

        [TestMethod]
        public void MutualTlsResetAfterHandshakeIsNeverARefusal()
        {
            FakeConnection reset = new FakeConnection(new byte[0], ReplyScript.ReplyThenReset);
            WwepSettings settings = new WwepSettings();
            settings.UseClientCertificate = true;
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(reset);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), settings, DeviceId);
            for (int i = 0; i < 3; i++)
            {
                sender.Send(true, TransportKind.Tls);
                Assert.AreEqual((int)TlsFailureCause.SessionEndedAfterHandshake, (int)sender.LastTlsCause);
                Assert.IsFalse(sender.LastFailureIsPermanent);
                Assert.IsTrue(sender.LastDiagnosis.IndexOf("a refused client certificate is a handshake alert") > 0, sender.LastDiagnosis);
            }
        }

        private static WwepTransportException Board(string type, int code, bool clientCertificate)
        {
            WwepSettings settings = new WwepSettings();
            settings.UseClientCertificate = clientCertificate;
            bool hasCode = type != "OutOfMemoryException";
            return HandshakeFailure.FromPlatform(type, hasCode, code, clientCertificate, settings, 40508, DeviceId, new DateTime(2026, 11, 21), null);
        }

        // Whether the sender calls it permanent after the failure has happened this many times in a row.
        private static bool Permanent(WwepTransportException failure, int times)
        {
            FakeTransport transport = new FakeTransport();
            transport.Enqueue(failure);
            LedStateSender sender = new LedStateSender(transport, FakeClock.Synced(), new WwepSettings(), DeviceId);
            for (int i = 0; i < times; i++)
            {
                sender.Send(true, TransportKind.Tls);
            }

            return sender.LastFailureIsPermanent;
        }
    }
}
