package org.onewindow.app;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onewindow.testing.Api;
import org.onewindow.testing.TestDatabase;

/**
 * The WAR the build produced, deployed on Payara Micro once per test class, over the demo county: what is tested
 * is what ships. Subclasses reach it through {@link #base} and {@link #api}.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ShippedWar {

    static final String PASSWORD = TestDatabase.DEMO_PASSWORD;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("onewindow.war")));
    }

    @ArquillianResource
    URL deployment;

    URI base;
    Api api;

    @BeforeEach
    void connect() {
        base = Api.local(deployment);
        api = new Api(base);
    }
}
