package org.onewindow.testing;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro boot for the whole test run (issue 9). Arquillian deploys each test class's archive, and the
 * managed Payara Micro container boots a server for each deployment and stops it at the undeployment: 15–40 s per
 * class. This container keeps a deployment running after its class and answers the next deployment of an archive of
 * the same name with it; the server stops when Arquillian stops the container at the end of the run (the managed
 * container's shutdown hook stops it if the JVM ends first). Test classes therefore share the server's memory as they
 * already share the database: each makes what it changes its own (its own accounts, items, idempotency keys).
 */
public final class OneBootPerRun implements DeployableContainer<PayaraMicroContainerConfiguration> {

    private final PayaraMicroDeployableContainer server = new PayaraMicroDeployableContainer();
    private Archive<?> running;
    private ProtocolMetaData deployed;
    private int boots;

    /** Registers this container in place of Payara's own (META-INF/services). */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneBootPerRun.class);
        }
    }

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return server.getConfigurationClass();
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        server.setup(configuration);
    }

    @Override
    public void start() throws LifecycleException {
        server.start();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return server.getDefaultProtocol();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && running.getName().equals(archive.getName())) {
            return deployed;
        }
        if (running != null) {
            server.undeploy(running);
        }
        long started = System.nanoTime();
        deployed = server.deploy(archive);
        running = archive;
        boots++;
        // The first test class's time in the reports holds this boot: said here, not to be read as that class's.
        System.out.printf(
                "[one boot per run] boot %d of this run: Payara Micro with %s ready in %.1f s%n",
                boots, archive.getName(), (System.nanoTime() - started) / 1e9);
        return deployed;
    }

    /** Kept running for the next test class; see {@link #stop}. */
    @Override
    public void undeploy(Archive<?> archive) {}

    @Override
    public void stop() throws LifecycleException {
        try {
            if (running != null) {
                server.undeploy(running);
            }
        } catch (DeploymentException e) {
            throw new LifecycleException("the shared Payara Micro did not stop", e);
        } finally {
            running = null;
            server.stop();
        }
    }
}
