using nanoFramework.TestFramework;
using WwepDevice.Core.Network;

namespace WwepDevice.Tests
{
    [TestClass]
    public class ExchangeFailureTests
    {
        // nanoFramework throws SocketException(SOCK_ETIMEDOUT = 10060) when a read outlasts the socket's timeout
        // (nf-interpreter SslNative.cpp ReadWriteHelper, NativeSocket.cpp).
        [TestMethod]
        public void TimedOutIsAReplyTimeout()
        {
            WwepTransportException failure = ExchangeFailure.WhileExchanging("SocketException", true, 10060, "wwep.local", 27708, 3000);
            Assert.AreEqual((int)TransportFailure.ReplyTimeout, (int)failure.Failure);
            Assert.AreEqual("no reply from wwep.local:27708 within 3000 ms after sending the request", failure.Message);
        }

        [TestMethod]
        public void AResetIsALostConnectionWithItsCode()
        {
            WwepTransportException failure = ExchangeFailure.WhileExchanging("SocketException", true, 10054, "wwep.local", 27708, 3000);
            Assert.AreEqual((int)TransportFailure.ConnectionLost, (int)failure.Failure);
            Assert.AreEqual("connection to wwep.local:27708 lost (SocketException 10054)", failure.Message);
        }

        [TestMethod]
        public void AnotherExceptionIsALostConnectionByItsType()
        {
            WwepTransportException failure = ExchangeFailure.WhileExchanging("IOException", false, 0, "wwep.local", 40508, 3000);
            Assert.AreEqual("connection to wwep.local:40508 lost (IOException)", failure.Message);
        }

        // The connect's code comes from lwIP's global last error (NativeSocket ThrowOnError): evidence, not the cause.
        [TestMethod]
        public void AConnectFailureDoesNotPresentItsCodeAsTheCause()
        {
            WwepTransportException failure = ExchangeFailure.ConnectFailed("192.168.1.20", 27708, "SocketException", true, 10061);
            Assert.AreEqual((int)TransportFailure.ConnectFailed, (int)failure.Failure);
            Assert.AreEqual("cannot connect to 192.168.1.20:27708 (refused or unreachable; the firmware's code 10061 may be stale): is the WWEP server running and listening on that port?", failure.Message);
        }
    }
}
