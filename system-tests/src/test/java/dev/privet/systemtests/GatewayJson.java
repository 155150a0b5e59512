package dev.privet.systemtests;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** The gateway's JSON API of a running cluster, called as an account would call it (header {@code X-Privet-Account}). */
record GatewayJson(String baseUri) {

    /** A JSON request as {@code account}. */
    RequestSpecification as(String account) {
        return given().baseUri(baseUri).header("X-Privet-Account", account).contentType(ContentType.JSON);
    }

    /** Creates a resource as {@code account}, expecting 201, and answers the new resource's {@code idField}. */
    String create(String account, String path, Object body, String idField) {
        return as(account).body(body).post(path).then().statusCode(201).extract().path(idField);
    }
}
