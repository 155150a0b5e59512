package dev.privet.gateway.query;

import java.util.function.Consumer;

/**
 * One action of a Query API ({@code CreateVpc}): reads its parameters (ending with
 * {@link QueryParameters#done()}), calls the owning service, and returns what writes the response's elements. Any
 * refusal is thrown as a {@link QueryFault} before the writing starts.
 */
@FunctionalInterface
public interface QueryAction {
    Consumer<XmlBody> run(QueryCall call);
}
