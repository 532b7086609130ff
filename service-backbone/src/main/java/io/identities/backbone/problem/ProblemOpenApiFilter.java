package io.identities.backbone.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the problem responses every API operation can give, so {@code /q/openapi} tells the
 * whole contract without each resource repeating it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemOpenApiFilter implements OASFilter {

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "400", "Invalid request: the offending fields are listed in `errors`",
          "401", "Missing, expired or untrusted bearer token",
          "403", "The token's role or organization does not allow this",
          "404", "No such resource in the caller's organization",
          "500", "Unexpected failure; the detail carries an incident id");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getComponents()
        .addSchema(
            "Problem",
            typed(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", typed(Schema.SchemaType.STRING))
                .addProperty("title", typed(Schema.SchemaType.STRING))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", typed(Schema.SchemaType.STRING))
                .addProperty("instance", typed(Schema.SchemaType.STRING))
                .addProperty(
                    "errors",
                    typed(Schema.SchemaType.ARRAY)
                        .items(
                            typed(Schema.SchemaType.OBJECT)
                                .addProperty("field", typed(Schema.SchemaType.STRING))
                                .addProperty("message", typed(Schema.SchemaType.STRING)))));
    openAPI.getPaths().getPathItems().entrySet().stream()
        .filter(path -> path.getKey().startsWith("/api/"))
        .flatMap(path -> path.getValue().getOperations().values().stream())
        .forEach(ProblemOpenApiFilter::addProblems);
  }

  private static Schema typed(Schema.SchemaType type) {
    return OASFactory.createSchema().type(List.of(type));
  }

  /** Adds the problem responses, or their problem body to the ones Quarkus already lists. */
  private static void addProblems(Operation operation) {
    PROBLEMS.forEach(
        (status, description) -> {
          APIResponse response = operation.getResponses().getAPIResponse(status);
          if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(status, response);
          }
          response.content(
              OASFactory.createContent()
                  .addMediaType(
                      Problem.MEDIA_TYPE,
                      OASFactory.createMediaType()
                          .schema(OASFactory.createSchema().ref("Problem"))));
        });
  }
}
