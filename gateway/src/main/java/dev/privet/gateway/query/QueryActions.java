package dev.privet.gateway.query;

import java.util.Map;

/**
 * A group of actions of one Query API, by action name. Adding an action is a method and an entry in a group's map;
 * the routes find every group as a bean.
 */
public interface QueryActions {
    QueryProtocol protocol();

    Map<String, QueryAction> actions();
}
