console.log("signoff background")
