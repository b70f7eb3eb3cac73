using System;
using nanoFramework.TestFramework;
using WwepDevice.Core;
using WwepDevice.Tests.Fakes;

namespace WwepDevice.Tests
{
    [TestClass]
    public class ServerAddressTests
    {
        [TestMethod]
        public void ResolvedNameIsUsed()
        {
            RecordingLog log = new RecordingLog();
            string address = ServerAddress.Choose(new WwepSettings(), delegate(string host) { return new string[] { "192.168.4.2" }; }, log);
            Assert.AreEqual("192.168.4.2", address);
            Assert.AreEqual(0, log.Count);
        }

        [TestMethod]
        public void UnresolvedNameFallsBackToTheConfiguredIp()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerFallbackIp = "192.168.4.9";
            RecordingLog log = new RecordingLog();
            string address = ServerAddress.Choose(settings, delegate(string host) { throw new Exception("no such host"); }, log);
            Assert.AreEqual("192.168.4.9", address);
            Assert.AreEqual("cannot resolve server name 'wwep.local': using ServerFallbackIp 192.168.4.9", log.Line(0));
        }

        [TestMethod]
        public void UnresolvedNameWithoutFallbackIsAClearError()
        {
            try
            {
                ServerAddress.Choose(new WwepSettings(), delegate(string host) { return new string[0]; }, new RecordingLog());
                Assert.IsTrue(false, "must throw");
            }
            catch (WwepTransportException ex)
            {
                Assert.AreEqual((int)TransportFailure.NameNotResolved, (int)ex.Failure);
                Assert.AreEqual("cannot resolve server name 'wwep.local' and no ServerFallbackIp is set: fix the name or set ServerFallbackIp", ex.Message);
            }
        }

        [TestMethod]
        public void AnIpHostNeedsNoLookup()
        {
            WwepSettings settings = new WwepSettings();
            settings.ServerHost = "10.1.2.3";
            string address = ServerAddress.Choose(settings, delegate(string host) { throw new Exception("must not be called"); }, new RecordingLog());
            Assert.AreEqual("10.1.2.3", address);
        }

        [TestMethod]
        public void NonIpv4AnswersAreSkipped()
        {
            string address = ServerAddress.Choose(new WwepSettings(), delegate(string host) { return new string[] { "fe80::1", "10.9.8.7" }; }, new RecordingLog());
            Assert.AreEqual("10.9.8.7", address);
        }
    }
}
