console.log("cli stub");
