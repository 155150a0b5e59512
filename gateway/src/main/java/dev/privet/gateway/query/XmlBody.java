package dev.privet.gateway.query;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The elements of a Query API response, written with the JDK's StAX writer (which escapes what it must). AWS's
 * shapes: a value is an element with text; a list is an element holding one {@code item} per member.
 */
public final class XmlBody {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private final StringWriter text = new StringWriter();
    private final XMLStreamWriter xml;

    private XmlBody() {
        try {
            xml = FACTORY.createXMLStreamWriter(text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document whose root is {@code root} in {@code namespace} (none when null), filled by {@code content}. */
    static String document(String root, String namespace, Consumer<XmlBody> content) {
        XmlBody body = new XmlBody();
        try {
            body.xml.writeStartDocument("UTF-8", "1.0");
            body.xml.writeStartElement(root);
            if (namespace != null) {
                body.xml.writeDefaultNamespace(namespace);
            }
            content.accept(body);
            body.xml.writeEndElement();
            body.xml.writeEndDocument();
            body.xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return body.text.toString();
    }

    /** {@code <name>value</name>}; nothing when the value is null. */
    public XmlBody text(String name, Object value) {
        if (value == null) {
            return this;
        }
        try {
            xml.writeStartElement(name);
            xml.writeCharacters(xmlSafe(value.toString()));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * The text with each character XML 1.0 cannot carry (control characters, lone surrogates) replaced by U+FFFD:
     * a client's value echoed in a message must not make the document unreadable.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || surrogatePair;
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.substring(0, i));
            }
            if (safe != null) {
                safe.append(allowed ? c : '\uFFFD');
                if (surrogatePair) {
                    safe.append(text.charAt(++i));
                }
            } else if (surrogatePair) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** {@code <name>...</name>} with what {@code content} writes inside. */
    public XmlBody element(String name, Consumer<XmlBody> content) {
        try {
            xml.writeStartElement(name);
            content.accept(this);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code <name><item>...</item>...</name>}, one item per member, each written by {@code item}. */
    public <T> XmlBody set(String name, Collection<T> members, BiConsumer<XmlBody, T> item) {
        return element(name, body -> members.forEach(member -> body.element("item", inner -> item.accept(inner, member))));
    }

    /** Elastic Load Balancing's lists: {@code <name><member>...</member>...</name>}. */
    public <T> XmlBody members(String name, Collection<T> members, BiConsumer<XmlBody, T> member) {
        return element(name, body -> members.forEach(m -> body.element("member", inner -> member.accept(inner, m))));
    }

    /** {@code <name><member>value</member>...</name>}. */
    public XmlBody memberValues(String name, Collection<?> values) {
        return element(name, body -> values.forEach(value -> body.text("member", value)));
    }

    /** {@code <name><item>value</item>...</name>}. */
    public XmlBody values(String name, Collection<?> values) {
        return element(name, body -> values.forEach(value -> body.text("item", value)));
    }
}
